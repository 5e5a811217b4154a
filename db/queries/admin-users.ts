import "server-only";
import { and, asc, count, eq, type SQL, sql } from "drizzle-orm";
import type { Role } from "../../lib/auth/roles";
import { type Db, db as defaultDb } from "../client";
import { auditLog, branches, users } from "../schema";
import { escapeLike, subtreeOf } from "../sql/subtree";
import { rowsAffected, writeBatch } from "../write";
import { personColumns } from "./columns";

export const USERS_PAGE_SIZE = 50;

export type UserFilters = {
  q?: string;
  role?: Role;
  /** This branch and everything below it. */
  branchId?: string;
  status?: "active" | "inactive";
};

function filterSql({ q, role, branchId, status }: UserFilters): SQL | undefined {
  const conditions: SQL[] = [];
  const term = q?.trim();
  if (term) {
    const like = `%${escapeLike(term)}%`;
    conditions.push(
      sql`(${users.employeeNo} like ${like} escape '\\' or ${users.name} like ${like} escape '\\'
        or ${users.email} like ${like} escape '\\')`,
    );
  }
  if (role) conditions.push(eq(users.role, role));
  if (status) conditions.push(eq(users.active, status === "active"));
  if (branchId) {
    conditions.push(subtreeOf(sql`(select path from ${branches} where id = ${branchId})`));
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** People for the admin's user list, by employee number, with the total for paging. */
export async function listUsers({
  filters,
  page = 1,
  db = defaultDb,
}: {
  filters: UserFilters;
  page?: number;
  db?: Db;
}) {
  const where = filterSql(filters);
  const [rows, [total]] = await db.batch([
    db
      .select(personColumns)
      .from(users)
      .innerJoin(branches, eq(branches.id, users.branchId))
      .where(where)
      .orderBy(asc(users.employeeNo))
      .limit(USERS_PAGE_SIZE)
      .offset((Math.max(1, page) - 1) * USERS_PAGE_SIZE),
    db.select({ n: count() }).from(users).innerJoin(branches, eq(branches.id, users.branchId)).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function getUserForAdmin({ id, db = defaultDb }: { id: string; db?: Db }) {
  const [row] = await db
    .select({
      ...personColumns,
      branchCode: branches.code,
      hasPassword: sql<number>`${users.passwordHash} is not null`,
    })
    .from(users)
    .innerJoin(branches, eq(branches.id, users.branchId))
    .where(eq(users.id, id));
  return row ?? null;
}

/** Guard: the statement must not leave the bank without an active admin. */
const keepsAnAdmin = (userId: string) =>
  sql`(select count(*) from ${users} where role = 'admin' and active = 1 and id != ${userId}) > 0`;

export type UserChangeResult = "updated" | "unchanged" | "last_admin" | "not_found" | "bad_branch";

/**
 * Changes a person's role and branch. The update is guarded by the values it was computed from,
 * by the branch being active, and by the rule that the last active admin stays an admin; a role
 * change ends the person's sessions. The audit entry (before and after) is in the same batch.
 */
export async function updateUserRoleAndBranch({
  actorId,
  userId,
  role,
  branchId,
  db = defaultDb,
}: {
  actorId: string;
  userId: string;
  role: Role;
  branchId: string;
  db?: Db;
}): Promise<UserChangeResult> {
  const [current] = await db
    .select({ role: users.role, branchId: users.branchId, active: users.active, code: branches.code })
    .from(users)
    .innerJoin(branches, eq(branches.id, users.branchId))
    .where(eq(users.id, userId));
  if (!current) return "not_found";
  if (current.role === role && current.branchId === branchId) return "unchanged";
  const demotes = current.role === "admin" && role !== "admin" && current.active;
  const [update] = await writeBatch(
    [
      db.run(sql`update ${users} set role = ${role}, branch_id = ${branchId},
          session_version = session_version + ${current.role !== role ? 1 : 0}
        where id = ${userId} and role = ${current.role} and branch_id = ${current.branchId}
          and exists (select 1 from ${branches} where id = ${branchId} and active = 1)
          ${demotes ? sql`and ${keepsAnAdmin(userId)}` : sql``}`),
      db.run(sql`insert into ${auditLog} (id, actor_id, action, target_type, target_id, before, after)
        select ${crypto.randomUUID()}, ${actorId}, 'user.update', 'user', u.id,
          json_object('employeeNo', u.employee_no, 'role', ${current.role}, 'branch', ${current.code}),
          json_object('employeeNo', u.employee_no, 'role', u.role, 'branch', b.code)
        from ${users} u join ${branches} b on b.id = u.branch_id
        where u.id = ${userId} and changes() = 1`),
    ],
    db,
  );
  if (rowsAffected(update) > 0) return "updated";
  if (demotes) {
    const [others] = await db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, "admin"), eq(users.active, true), sql`${users.id} != ${userId}`));
    if ((others?.n ?? 0) === 0) return "last_admin";
  }
  return "bad_branch";
}

/**
 * Deactivates (history and certificates stay; sign-in and every session stop) or reactivates a person.
 * The last active admin cannot be deactivated.
 */
export async function setUserActive({
  actorId,
  userId,
  active,
  db = defaultDb,
}: {
  actorId: string;
  userId: string;
  active: boolean;
  db?: Db;
}): Promise<"updated" | "unchanged" | "last_admin"> {
  const [update] = await writeBatch(
    [
      db.run(sql`update ${users} set active = ${active ? 1 : 0},
          session_version = session_version + ${active ? 0 : 1}
        where id = ${userId} and active = ${active ? 0 : 1}
          ${active ? sql`` : sql`and (role != 'admin' or ${keepsAnAdmin(userId)})`}`),
      db.run(sql`insert into ${auditLog} (id, actor_id, action, target_type, target_id, before, after)
        select ${crypto.randomUUID()}, ${actorId}, ${active ? "user.activate" : "user.deactivate"}, 'user', id,
          json_object('employeeNo', employee_no, 'active', json(${active ? "false" : "true"})),
          json_object('employeeNo', employee_no, 'active', json(${active ? "true" : "false"}))
        from ${users} where id = ${userId} and changes() = 1`),
    ],
    db,
  );
  if (rowsAffected(update) > 0) return "updated";
  const user = await db.query.users.findFirst({ where: eq(users.id, userId) });
  return user && user.active !== active ? "last_admin" : "unchanged";
}

/** Ends every session of a person at their next request; audited. */
export async function forceSignOut({
  actorId,
  userId,
  db = defaultDb,
}: {
  actorId: string;
  userId: string;
  db?: Db;
}) {
  const [update] = await writeBatch(
    [
      db
        .update(users)
        .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, userId)),
      db.run(sql`insert into ${auditLog} (id, actor_id, action, target_type, target_id, after)
        select ${crypto.randomUUID()}, ${actorId}, 'user.sign_out', 'user', id, json_object('employeeNo', employee_no)
        from ${users} where id = ${userId} and changes() = 1`),
    ],
    db,
  );
  return rowsAffected(update) > 0;
}
