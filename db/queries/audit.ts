import "server-only";
import { and, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { canonicalEmployeeNo } from "../../lib/auth/employee-no";
import { type Db, db as defaultDb } from "../client";
import { auditArchives, auditLog, users } from "../schema";

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_EXPORT_LIMIT = 50_000;

export type AuditFilters = {
  action?: string;
  /** Employee number of who did it. */
  actor?: string;
  /** Employee number, code or id the entry is about. */
  target?: string;
  /** Calendar days (UTC), inclusive. */
  from?: string;
  to?: string;
};

const targetUser = alias(users, "target_user");

function filterSql({ action, actor, target, from, to }: AuditFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (action)
    conditions.push(
      action.endsWith(".") ? sql`${auditLog.action} like ${`${action}%`}` : eq(auditLog.action, action),
    );
  if (actor) conditions.push(eq(users.employeeNo, canonicalEmployeeNo(actor)));
  if (target) {
    // An id as typed, or an employee number or certificate code in its canonical (upper-case) form.
    const [t, c] = [target.trim(), canonicalEmployeeNo(target)];
    conditions.push(
      sql`(${auditLog.targetId} in (${t}, ${c}) or ${targetUser.employeeNo} = ${c}
        or json_extract(${auditLog.after}, '$.code') = ${c} or json_extract(${auditLog.after}, '$.employeeNo') = ${c})`,
    );
  }
  if (from) conditions.push(gte(auditLog.createdAt, new Date(`${from}T00:00:00Z`)));
  if (to)
    conditions.push(lt(auditLog.createdAt, new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000)));
  return conditions.length > 0 ? and(...conditions) : undefined;
}

function baseQuery(db: Db, filters: AuditFilters) {
  return db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      targetEmployeeNo: targetUser.employeeNo,
      targetName: targetUser.name,
      before: auditLog.before,
      after: auditLog.after,
      actorEmployeeNo: users.employeeNo,
      actorName: users.name,
      /** Where a request without a signed-in actor came from (a failed sign-in: anonymous, from here). */
      actorAddress: auditLog.actorAddress,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(targetUser, and(eq(auditLog.targetType, "user"), eq(targetUser.id, auditLog.targetId)))
    .where(filterSql(filters))
    .orderBy(desc(auditLog.createdAt), desc(sql`${auditLog}.rowid`));
}

/** One page of the audit log, newest first; one more row than the page tells whether there is a next. */
export async function listAuditEntries({
  filters,
  page = 1,
  db = defaultDb,
}: {
  filters: AuditFilters;
  page?: number;
  db?: Db;
}) {
  const rows = await baseQuery(db, filters)
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((Math.max(1, page) - 1) * AUDIT_PAGE_SIZE);
  return { rows: rows.slice(0, AUDIT_PAGE_SIZE), hasMore: rows.length > AUDIT_PAGE_SIZE };
}
export type AuditRow = Awaited<ReturnType<typeof listAuditEntries>>["rows"][number];

/** Everything the filters select, for the CSV export (capped). */
export async function exportAuditEntries({ filters, db = defaultDb }: { filters: AuditFilters; db?: Db }) {
  return baseQuery(db, filters).limit(AUDIT_EXPORT_LIMIT);
}

/** The actions that occur in the log, for the filter. */
export async function listAuditActions({ db = defaultDb }: { db?: Db } = {}) {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}

/** The most recent `npm run audit:archive` run, for the admin's security page. */
export async function latestAuditArchive({ db = defaultDb }: { db?: Db } = {}) {
  const [row] = await db.select().from(auditArchives).orderBy(desc(auditArchives.createdAt)).limit(1);
  return row ?? null;
}
