import type { BatchItem, BatchResponse } from "drizzle-orm/batch";
import { AppError } from "../lib/errors";
import { type Db, db as defaultDb } from "./client";
import { commitInGroup, lockedByOther } from "./group-commit";

type Statements = readonly [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]];

/**
 * Every request-path write goes through here: one atomic batch, never an interactive transaction
 * (those fail under concurrency in one process; batches do not). Batches waiting at the same time
 * share one commit (db/group-commit.ts). A constraint violation becomes a 409 instead of a 500, and
 * a write lock another instance held too long a 503 (nothing was written).
 */
export async function writeBatch<T extends Statements>(statements: T, db: Db = defaultDb) {
  try {
    return (await commitInGroup(db, statements)) as BatchResponse<T>;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/constraint/i.test(message)) throw new AppError("conflict:write", message);
    if (lockedByOther(e)) throw new AppError("unavailable:write", message);
    throw e;
  }
}

/** Rows changed by a guarded statement in a batch result (`UPDATE … WHERE version = ?`). */
export function rowsAffected(result: unknown): number {
  return (result as { rowsAffected?: number }).rowsAffected ?? 0;
}
