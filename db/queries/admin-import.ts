import "server-only";
import { createHash } from "node:crypto";
import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { type ImportBranch, withNameChains } from "../../lib/admin-import/branch-resolver";
import {
  type ExistingEmployee,
  emptyCounts,
  isActiveAdmin,
  type PlannedRow,
  planRows,
  type RowAction,
} from "../../lib/admin-import/plan";
import { readTable, UnreadableFile } from "../../lib/admin-import/read-table";
import { type EmployeeRecord, type FileProblem, validateTable } from "../../lib/admin-import/validate";
import { newOneTimeToken, PASSWORD_TOKEN_TTL_MS } from "../../lib/auth/one-time-token";
import { AppError } from "../../lib/errors";
import { type Db, db as defaultDb } from "../client";
import { auditLog, branches, importUploads, passwordTokens, users } from "../schema";
import { rowsAffected, writeBatch } from "../write";
import { onboardingStatements } from "./assignments";

/** Rows written per atomic batch. */
export const IMPORT_BATCH_SIZE = 500;
/** How long an uploaded file waits for the admin's decision. */
export const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

export interface ImportPlan {
  problems: (FileProblem | { code: "unreadable" })[];
  rows: PlannedRow[];
  counts: Record<RowAction, number>;
  /** Fingerprint of what "import the valid rows" would write; the confirm must match it. */
  digest: string;
  branchCodes: Map<string, string>;
}

export async function loadImportBranches({ db = defaultDb }: { db?: Db } = {}): Promise<ImportBranch[]> {
  const rows = await db
    .select({
      id: branches.id,
      code: branches.code,
      name: branches.name,
      nameEn: branches.nameEn,
      path: branches.path,
      active: branches.active,
    })
    .from(branches)
    .orderBy(asc(branches.path));
  return withNameChains(rows);
}

async function existingUsers(db: Db, employeeNos: string[]) {
  const found = new Map<string, ExistingEmployee>();
  for (let i = 0; i < employeeNos.length; i += 1000) {
    const rows = await db
      .select({
        id: users.id,
        employeeNo: users.employeeNo,
        name: users.name,
        branchId: users.branchId,
        role: users.role,
        email: users.email,
        hireDate: users.hireDate,
        active: users.active,
      })
      .from(users)
      .where(inArray(users.employeeNo, employeeNos.slice(i, i + 1000)));
    for (const r of rows) found.set(r.employeeNo, r);
  }
  return found;
}

/**
 * The dry run: every row of the file as create, update, unchanged or error (with reasons), against
 * the database as it is now. Writes nothing.
 */
export async function planImport({
  bytes,
  db = defaultDb,
}: {
  bytes: Uint8Array;
  db?: Db;
}): Promise<ImportPlan> {
  const branchList = await loadImportBranches({ db });
  const branchCodes = new Map(branchList.map((b) => [b.id, b.code]));
  let table: string[][];
  try {
    table = await readTable(bytes);
  } catch (e) {
    if (!(e instanceof UnreadableFile)) throw e;
    return { problems: [{ code: "unreadable" }], rows: [], counts: emptyCounts(), digest: "", branchCodes };
  }
  const { problems, rows } = validateTable(table, branchList);
  const existing = await existingUsers(
    db,
    rows.flatMap((r) => (r.record ? [r.record.employeeNo] : [])),
  );
  const [{ admins }] = (await db
    .select({ admins: sql<number>`count(*)` })
    .from(users)
    .where(and(eq(users.role, "admin"), eq(users.active, true)))) as [{ admins: number }];
  return { problems, ...planRows({ rows, existing, activeAdmins: admins }), branchCodes };
}

/** Keeps an uploaded file for its dry run and import; expired uploads are cleared in the same batch. */
export async function storeUpload({
  actorId,
  fileName,
  bytes,
  now = new Date(),
  db = defaultDb,
}: {
  actorId: string;
  fileName: string;
  bytes: Uint8Array;
  now?: Date;
  db?: Db;
}): Promise<string> {
  const id = crypto.randomUUID();
  await writeBatch(
    [
      db.delete(importUploads).where(lt(importUploads.expiresAt, now)),
      db.insert(importUploads).values({
        id,
        actorId,
        fileName: fileName.slice(0, 200),
        sha256: createHash("sha256").update(bytes).digest("hex"),
        content: Buffer.from(bytes),
        expiresAt: new Date(now.getTime() + UPLOAD_TTL_MS),
      }),
    ],
    db,
  );
  return id;
}

/** An upload while it has not expired, with its bytes. */
export async function getUpload({
  id,
  now = new Date(),
  db = defaultDb,
}: {
  id: string;
  now?: Date;
  db?: Db;
}) {
  const row = await db.query.importUploads.findFirst({ where: eq(importUploads.id, id) });
  if (!row || row.expiresAt <= now) return null;
  return row;
}

function recordJson(r: EmployeeRecord, branchCodes: Map<string, string>) {
  return {
    employeeNo: r.employeeNo,
    name: r.name,
    branch: branchCodes.get(r.branchId) ?? r.branchId,
    role: r.role,
    email: r.email,
    hireDate: r.hireDate,
    active: r.active,
  };
}

export interface CreatedAccount {
  userId: string;
  employeeNo: string;
  name: string;
  email: string | null;
  token: string;
}

export type ImportResult =
  | { status: "changed" }
  | { status: "already" }
  | { status: "imported"; created: CreatedAccount[]; updated: number; skipped: number; unchanged: number };

/**
 * Imports the valid rows of an upload, exactly as the dry run with `digest` showed them: the file is
 * re-read and re-planned, and a different plan (the database changed meanwhile) writes nothing.
 * The upload is claimed once; then each batch of rows is one atomic write with its onboarding
 * assignments, set-password links and audit entries. An update is guarded by the values it was
 * planned from, and one that would leave no active admin changes nothing.
 */
export async function runImport({
  uploadId,
  digest,
  actorId,
  now = new Date(),
  db = defaultDb,
}: {
  uploadId: string;
  digest: string;
  actorId: string;
  now?: Date;
  db?: Db;
}): Promise<ImportResult> {
  const upload = await getUpload({ id: uploadId, now, db });
  if (!upload) throw new AppError("not_found:import");
  if (upload.importedAt) return { status: "already" };
  const plan = await planImport({ bytes: upload.content, db });
  if (plan.digest !== digest) return { status: "changed" };

  const work = plan.rows.filter((r) => r.action === "create" || r.action === "update");
  const [claim] = await writeBatch(
    [
      db
        .update(importUploads)
        .set({ importedAt: now })
        .where(and(eq(importUploads.id, uploadId), sql`${importUploads.importedAt} is null`)),
      db.run(sql`insert into ${auditLog} (id, actor_id, action, target_type, target_id, after)
        select ${crypto.randomUUID()}, ${actorId}, 'user.import', 'import', ${uploadId},
          ${JSON.stringify({ fileName: upload.fileName, sha256: upload.sha256, ...plan.counts })}
        where changes() = 1`),
    ],
    db,
  );
  if (rowsAffected(claim) !== 1) return { status: "already" };

  const created: CreatedAccount[] = [];
  let updated = 0;
  let skipped = 0;
  for (let i = 0; i < work.length; i += IMPORT_BATCH_SIZE) {
    const chunk = work.slice(i, i + IMPORT_BATCH_SIZE);
    const { statements, accounts, updates } = batchStatements({ chunk, plan, actorId, now, db });
    const [first, ...rest] = statements;
    if (!first) continue;
    const results = await writeBatch([first, ...rest], db);
    created.push(...accounts);
    for (const index of updates) {
      if (rowsAffected(results[index]) === 1) updated++;
      else skipped++;
    }
  }
  return { status: "imported", created, updated, skipped, unchanged: plan.counts.unchanged };
}

function batchStatements({
  chunk,
  plan,
  actorId,
  now,
  db,
}: {
  chunk: PlannedRow[];
  plan: ImportPlan;
  actorId: string;
  now: Date;
  db: Db;
}) {
  const statements: BatchItem<"sqlite">[] = [];
  const updates: number[] = [];
  const creates = chunk.filter((r) => r.action === "create" && r.record);
  const accounts: CreatedAccount[] = [];
  const tokens: { id: string; userId: string; tokenHash: string }[] = [];
  const newUsers = creates.map((r) => {
    const rec = r.record as EmployeeRecord;
    const id = crypto.randomUUID();
    const { token, hash } = newOneTimeToken();
    if (rec.active)
      accounts.push({ userId: id, employeeNo: rec.employeeNo, name: rec.name, email: rec.email, token });
    tokens.push({ id: crypto.randomUUID(), userId: id, tokenHash: hash });
    return { id, ...rec };
  });
  if (newUsers.length > 0) {
    statements.push(db.insert(users).values(newUsers));
    const expiresAt = new Date(now.getTime() + PASSWORD_TOKEN_TTL_MS);
    const invites = tokens
      .filter((t) => newUsers.find((u) => u.id === t.userId)?.active)
      .map((t) => ({ ...t, purpose: "invite" as const, createdBy: actorId, expiresAt }));
    if (invites.length > 0) statements.push(db.insert(passwordTokens).values(invites));
    statements.push(
      db.insert(auditLog).values(
        newUsers.map((u) => ({
          actorId,
          action: "user.create",
          targetType: "user",
          targetId: u.id,
          after: { ...recordJson(u, plan.branchCodes), via: "import" },
        })),
      ),
    );
    statements.push(
      ...onboardingStatements({
        people: newUsers
          .filter((u) => u.role === "learner" && u.active)
          .map((u) => ({ userId: u.id, hireDate: u.hireDate })),
        createdAt: now,
        db,
      }),
    );
  }
  for (const row of chunk) {
    if (row.action !== "update" || !row.record || !row.before || !row.userId) continue;
    const { record: rec, before: b } = row;
    const endsSessions = rec.role !== b.role || (b.active && !rec.active);
    const demotesAdmin = isActiveAdmin(b) && !isActiveAdmin(rec);
    updates.push(statements.length);
    statements.push(
      db.run(sql`update ${users} set name = ${rec.name}, branch_id = ${rec.branchId}, role = ${rec.role},
          email = ${rec.email}, hire_date = ${rec.hireDate}, active = ${rec.active ? 1 : 0},
          session_version = session_version + ${endsSessions ? 1 : 0}
        where id = ${row.userId} and name = ${b.name} and branch_id = ${b.branchId} and role = ${b.role}
          and email is ${b.email} and hire_date = ${b.hireDate} and active = ${b.active ? 1 : 0}
          ${demotesAdmin ? sql`and (select count(*) from ${users} where role = 'admin' and active = 1 and id != ${row.userId}) > 0` : sql``}`),
    );
    const action =
      b.active && !rec.active ? "user.deactivate" : !b.active && rec.active ? "user.activate" : "user.update";
    statements.push(
      db.run(sql`insert into ${auditLog} (id, actor_id, action, target_type, target_id, before, after)
        select ${crypto.randomUUID()}, ${actorId}, ${action}, 'user', ${row.userId},
          ${JSON.stringify(recordJson(b, plan.branchCodes))},
          ${JSON.stringify({ ...recordJson(rec, plan.branchCodes), via: "import" })}
        where changes() = 1`),
    );
  }
  return { statements, accounts, updates };
}
