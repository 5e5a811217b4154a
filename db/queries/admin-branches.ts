import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { isInSubtree } from "../../lib/auth/scope";
import { type Db, db as defaultDb } from "../client";
import { auditLog, branches, users } from "../schema";
import { subtreeOf } from "../sql/subtree";
import { rowsAffected, writeBatch } from "../write";
import { branchColumns } from "./columns";

/** Every branch in tree order, with what decides whether it may be deactivated. */
export async function listBranchTree({ db = defaultDb }: { db?: Db } = {}) {
  return db
    .select({
      ...branchColumns,
      parentId: branches.parentId,
      activeUsers: sql<number>`(select count(*) from ${users} u where u.branch_id = "branches"."id" and u.active = 1)`,
      activeChildren: sql<number>`(select count(*) from ${branches} c where c.parent_id = "branches"."id" and c.active = 1)`,
    })
    .from(branches)
    .orderBy(asc(branches.path));
}
export type BranchNode = Awaited<ReturnType<typeof listBranchTree>>[number];

const audit = (
  db: Db,
  actorId: string,
  action: string,
  branchId: string,
  before: SqlJson,
  after: SqlJson,
  guard: ReturnType<typeof sql>,
) =>
  db.run(sql`insert into ${auditLog} (id, actor_id, action, target_type, target_id, before, after)
    select ${crypto.randomUUID()}, ${actorId}, ${action}, 'branch', ${branchId}, ${before}, ${after}
    where ${guard}`);
type SqlJson = string | null;

const snapshot = (b: { code: string; name: string; nameEn: string; path?: string }) => JSON.stringify(b);

/** Adds a branch under an active parent; the code must be new. */
export async function createBranch({
  actorId,
  parentId,
  code,
  name,
  nameEn,
  db = defaultDb,
}: {
  actorId: string;
  parentId: string;
  code: string;
  name: string;
  nameEn: string;
  db?: Db;
}): Promise<"created" | "duplicate" | "bad_parent"> {
  const existing = await db.query.branches.findFirst({ where: eq(branches.code, code) });
  if (existing) return "duplicate";
  const id = crypto.randomUUID();
  const [insert] = await writeBatch(
    [
      db.run(sql`insert into ${branches} (id, code, name, name_en, parent_id, path)
        select ${id}, ${code}, ${name}, ${nameEn}, id, path || ${id} || '/'
        from ${branches} where id = ${parentId} and active = 1
        on conflict do nothing`),
      audit(db, actorId, "branch.create", id, null, snapshot({ code, name, nameEn }), sql`changes() = 1`),
    ],
    db,
  );
  return rowsAffected(insert) === 1 ? "created" : "bad_parent";
}

export async function renameBranch({
  actorId,
  id,
  name,
  nameEn,
  db = defaultDb,
}: {
  actorId: string;
  id: string;
  name: string;
  nameEn: string;
  db?: Db;
}): Promise<boolean> {
  const current = await db.query.branches.findFirst({ where: eq(branches.id, id) });
  if (!current) return false;
  if (current.name === name && current.nameEn === nameEn) return true;
  const [update] = await writeBatch(
    [
      db.run(sql`update ${branches} set name = ${name}, name_en = ${nameEn}
        where id = ${id} and name = ${current.name} and name_en = ${current.nameEn}`),
      audit(
        db,
        actorId,
        "branch.rename",
        id,
        snapshot(current),
        snapshot({ code: current.code, name, nameEn }),
        sql`changes() = 1`,
      ),
    ],
    db,
  );
  return rowsAffected(update) === 1;
}

/**
 * Moves a branch, with everything below it, under another active branch. Moving it under itself or
 * its own subtree (a cycle) is refused in the SQL, as is a move computed from paths that changed since.
 */
export async function moveBranch({
  actorId,
  id,
  parentId,
  db = defaultDb,
}: {
  actorId: string;
  id: string;
  parentId: string;
  db?: Db;
}): Promise<"moved" | "cycle" | "unchanged" | "not_found" | "conflict"> {
  const [node, parent] = await Promise.all([
    db.query.branches.findFirst({ where: eq(branches.id, id) }),
    db.query.branches.findFirst({ where: eq(branches.id, parentId) }),
  ]);
  if (!node || !parent?.active) return "not_found";
  if (node.parentId === parentId) return "unchanged";
  if (isInSubtree(parent.path, node.path)) return "cycle";
  const oldPath = node.path;
  const newPath = `${parent.path}${id}/`;
  // The guarded parent change decides; the subtree's paths follow only when it changed a row.
  const [reparent] = await writeBatch(
    [
      db.run(sql`update ${branches} set parent_id = ${parentId}
        where id = ${id} and path = ${oldPath} and parent_id is ${node.parentId}
          and exists (select 1 from ${branches} p where p.id = ${parentId} and p.path = ${parent.path} and p.active = 1)
          and not ${subtreeOf(oldPath, sql`${parent.path}`)}`),
      db.run(sql`update ${branches} set path = ${newPath} || substr(path, ${oldPath.length + 1})
        where ${subtreeOf(oldPath, sql`path`)} and changes() = 1`),
      audit(
        db,
        actorId,
        "branch.move",
        id,
        JSON.stringify({ code: node.code, parent: node.parentId, path: oldPath }),
        JSON.stringify({ code: node.code, parent: parentId, path: newPath }),
        sql`exists (select 1 from ${branches} where id = ${id} and path = ${newPath} and parent_id = ${parentId})
          and changes() > 0`,
      ),
    ],
    db,
  );
  return rowsAffected(reparent) === 1 ? "moved" : "conflict";
}

/** Deactivates a branch only when it is empty: no active people and no active branches below it. The root stays. */
export async function setBranchActive({
  actorId,
  id,
  active,
  db = defaultDb,
}: {
  actorId: string;
  id: string;
  active: boolean;
  db?: Db;
}): Promise<"updated" | "not_empty" | "unchanged"> {
  const guard = active
    ? sql`active = 0 and exists (select 1 from ${branches} p where p.id = "branches"."parent_id" and p.active = 1)`
    : sql`active = 1 and parent_id is not null
        and not exists (select 1 from ${users} where branch_id = ${id} and active = 1)
        and not exists (select 1 from ${branches} c where c.parent_id = ${id} and c.active = 1)`;
  const [update] = await writeBatch(
    [
      db.run(sql`update ${branches} set active = ${active ? 1 : 0} where id = ${id} and ${guard}`),
      db.run(sql`insert into ${auditLog} (id, actor_id, action, target_type, target_id, before, after)
        select ${crypto.randomUUID()}, ${actorId}, ${active ? "branch.activate" : "branch.deactivate"}, 'branch', id,
          json_object('code', code, 'active', json(${active ? "false" : "true"})),
          json_object('code', code, 'active', json(${active ? "true" : "false"}))
        from ${branches} where id = ${id} and changes() = 1`),
    ],
    db,
  );
  if (rowsAffected(update) === 1) return "updated";
  const current = await db.query.branches.findFirst({ where: eq(branches.id, id) });
  return current && current.active !== active ? "not_empty" : "unchanged";
}
