import type { BatchItem } from "drizzle-orm/batch";
import { AppError } from "../lib/errors";
import { type Db, db as defaultDb } from "./client";

type Statements = readonly [BatchItem<"sqlite">, ...BatchItem<"sqlite">[]];

/**
 * Every request-path write goes through here: one atomic batch, never an interactive transaction
 * (those fail under concurrency in one process; batches do not). A constraint violation becomes a
 * 409 instead of a 500.
 */
export async function writeBatch<T extends Statements>(statements: T, db: Db = defaultDb) {
  try {
    return await db.batch(statements);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/constraint/i.test(message)) throw new AppError("conflict:write", message);
    throw e;
  }
}

/** Rows changed by a guarded statement in a batch result (`UPDATE … WHERE version = ?`). */
export function rowsAffected(result: unknown): number {
  return (result as { rowsAffected?: number }).rowsAffected ?? 0;
}
