import "server-only";
import { and, asc, eq, like } from "drizzle-orm";
import { db } from "../client";
import { branches } from "../schema";

/** The active branches at and below `path`, in tree order (a manager's scope, or "/" for the whole bank). */
export async function listBranchesUnder({ path }: { path: string }) {
  return db
    .select({
      id: branches.id,
      code: branches.code,
      name: branches.name,
      nameEn: branches.nameEn,
      path: branches.path,
    })
    .from(branches)
    .where(and(like(branches.path, `${path.replace(/[%_]/g, "")}%`), eq(branches.active, true)))
    .orderBy(asc(branches.path));
}
