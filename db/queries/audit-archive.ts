import "server-only";
import { count, eq, lt, sql } from "drizzle-orm";
import type { ArchiveLine } from "../../lib/audit/archive-manifest";
import { type Db, db as defaultDb } from "../client";
import { auditArchivePermits, auditArchives, auditLog, users } from "../schema";
import { writeBatch } from "../write";
import { tuples } from "./rows";

/**
 * The only code that removes audit entries, used only by `npm run audit:archive` (db/audit-archive.ts);
 * nothing under app/ may import it (tests/unit/audit-archive.test.ts checks). See migration 0007 for
 * the triggers that make every other DELETE fail.
 */

export async function countAuditEntriesBefore({ cutoff, db = defaultDb }: { cutoff: Date; db?: Db }) {
  const [row] = await db.select({ n: count() }).from(auditLog).where(lt(auditLog.createdAt, cutoff));
  return row?.n ?? 0;
}

export type ArchiveCursor = { createdAt: number; rowid: number };

/** One page of the entries older than `cutoff`, oldest first, after `cursor`; with the next cursor. */
export async function auditEntriesBefore({
  cutoff,
  cursor,
  limit,
  db = defaultDb,
}: {
  cutoff: Date;
  cursor: ArchiveCursor | null;
  limit: number;
  db?: Db;
}): Promise<{ lines: ArchiveLine[]; next: ArchiveCursor | null }> {
  const after = cursor ? sql`and (a.created_at, a.rowid) > (${cursor.createdAt}, ${cursor.rowid})` : sql``;
  const rows = tuples<
    [
      string,
      number,
      string | null,
      string | null,
      string | null,
      string,
      string,
      string | null,
      string | null,
      string | null,
      number,
    ]
  >(
    await db.values(sql`select a.id, a.created_at, a.actor_id, u.employee_no, a.actor_address, a.action,
        a.target_type, a.target_id, a.before, a.after, a.rowid
      from ${auditLog} a left join ${users} u on u.id = a.actor_id
      where a.created_at < ${Math.floor(cutoff.getTime() / 1000)} ${after}
      order by a.created_at, a.rowid limit ${limit}`),
  );
  const json = (v: string | null) => (v === null ? null : (JSON.parse(v) as unknown));
  const lines = rows.map(
    ([
      id,
      createdAt,
      actorId,
      actorEmployeeNo,
      actorAddress,
      action,
      targetType,
      targetId,
      before,
      afterValue,
    ]) => ({
      id,
      createdAt: new Date(createdAt * 1000).toISOString(),
      actorId,
      actorEmployeeNo,
      actorAddress,
      action,
      targetType,
      targetId,
      before: json(before),
      after: json(afterValue),
    }),
  );
  const last = rows.at(-1);
  return { lines, next: last ? { createdAt: last[1], rowid: last[10] } : null };
}

export type ArchiveRecord = {
  cutoff: Date;
  entries: number;
  firstAt: Date | null;
  lastAt: Date | null;
  file: string;
  sha256: string;
  signature: string;
  keyFingerprint: string;
};

/**
 * Removes the archived entries in one batch: the archive's record, the permit the delete trigger
 * asks for, the deletion, the run's own audit entry and the permit's removal. The audit entry's
 * action is NULL (a NOT NULL violation that undoes the whole batch) unless the deletion removed
 * exactly `entries` rows, so a count that changed since the export removes nothing.
 */
export async function removeArchivedEntries({ record, db = defaultDb }: { record: ArchiveRecord; db?: Db }) {
  const id = crypto.randomUUID();
  const cutoff = Math.floor(record.cutoff.getTime() / 1000);
  const after = JSON.stringify({
    entries: record.entries,
    cutoff: record.cutoff.toISOString(),
    file: record.file,
    sha256: record.sha256,
  });
  await writeBatch(
    [
      db.insert(auditArchives).values({ id, ...record }),
      db.insert(auditArchivePermits).values({ archiveId: id }),
      db.run(sql`delete from ${auditLog} where created_at < ${cutoff}`),
      db.run(sql`insert into ${auditLog} (id, actor_id, action, target_type, target_id, after)
        values (${crypto.randomUUID()}, null, case when changes() = ${record.entries} then 'audit.archive' end,
          'audit_archive', ${id}, ${after})`),
      db.delete(auditArchivePermits).where(eq(auditArchivePermits.archiveId, id)),
    ],
    db,
  );
  return id;
}
