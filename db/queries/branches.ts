import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { type Db, db as defaultDb } from "../client";
import { branches } from "../schema";
import { subtreeOf } from "../sql/subtree";
import { branchColumns } from "./columns";

/** The active branches at and below `path`, in tree order (a manager's scope, or "/" for the whole bank). */
export async function listBranchesUnder({ path, db = defaultDb }: { path: string; db?: Db }) {
  return db
    .select(branchColumns)
    .from(branches)
    .where(and(subtreeOf(path), eq(branches.active, true)))
    .orderBy(asc(branches.path));
}
