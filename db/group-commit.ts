import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "./client";

/**
 * Group commit: the write batches that are waiting when the database is free go to it as one
 * transaction, so they share one commit (one fsync with synchronous = FULL) instead of paying one
 * each. Each batch keeps its own meaning: its statements run together and in order, after the
 * batches before it in the group, exactly as if those had committed just before it. A caller hears
 * back once its batch is durable.
 *
 * A batch fails alone. When the database refuses a statement, nothing of the group was kept (the
 * transaction is rolled back), so the batches before the failing one commit again as a group, the
 * failing one runs on its own and gets its own error, and the batches after it go on as a group,
 * in the same order. When the outcome is unknown (a lost connection to a libSQL server, an error
 * that is not the database's), the group may have committed, so nothing is run again: every batch
 * of the group gets that error, as it would have alone.
 */
type Waiting = {
  statements: readonly BatchItem<"sqlite">[];
  resolve: (results: unknown[]) => void;
  reject: (error: unknown) => void;
};

type Queue = { waiting: Waiting[]; draining: boolean };

/**
 * The connection each database's groups are committed on (db/client.ts registers one for a file
 * database). Its busy timeout is a few milliseconds: while another process (a second instance)
 * holds the write lock, SQLite's own wait sleeps inside the synchronous call and stops this whole
 * process, so past those milliseconds the group waits here instead, on timers, while the process
 * goes on serving other requests.
 */
const writers = new WeakMap<Db, Db>();

export function commitThrough(db: Db, writer: Db) {
  writers.set(db, writer);
}

/** How long a group waits in all for another process's write lock (as long as a busy timeout would). */
const LOCK_WAIT_MS = 5000;

/** Enough to share commits under load, small enough that one group stays a short transaction. */
const MAX_GROUP = 64;

const queues = new WeakMap<Db, Queue>();

/** The fields of @libsql/client's LibsqlError and LibsqlBatchError (read by shape, not class). */
type Refusal = { code: string; statementIndex?: number };

/** SQLite's own refusal (a statement, BEGIN or COMMIT): the transaction was not committed. */
function refusedByDatabase(e: unknown): e is Refusal {
  const code = (e as Partial<Refusal> | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_");
}

/** The write lock is another connection's (SQLITE_BUSY…): nothing of the batch was kept, so it can simply run again. */
export function lockedByOther(e: unknown): boolean {
  const code = (e as Partial<Refusal> | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

/** Runs `statements` as one transaction on `db`'s writer, waiting (on timers) while another process writes. */
async function batchWhenFree(db: Db, statements: readonly BatchItem<"sqlite">[]): Promise<unknown[]> {
  const writer = writers.get(db) ?? db;
  const until = performance.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      return await writer.batch(statements as [BatchItem<"sqlite">]);
    } catch (e) {
      if (!lockedByOther(e) || performance.now() >= until) throw e;
    }
    // The other process frees the lock between its groups (see drain): look again soon.
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** Which batch of the group holds the statement the database refused, if it says. */
function failingBatch(group: readonly Waiting[], e: Refusal): number | undefined {
  if (typeof e.statementIndex !== "number") return undefined;
  let end = 0;
  for (const [i, w] of group.entries()) {
    end += w.statements.length;
    if (e.statementIndex < end) return i;
  }
  return undefined;
}

async function runAlone(db: Db, w: Waiting) {
  try {
    w.resolve(await batchWhenFree(db, w.statements));
  } catch (e) {
    w.reject(e);
  }
}

async function commit(db: Db, group: readonly Waiting[]): Promise<void> {
  if (group.length === 0) return;
  if (group.length === 1) return runAlone(db, group[0] as Waiting);
  let results: unknown[];
  try {
    results = await batchWhenFree(
      db,
      group.flatMap((w) => w.statements),
    );
  } catch (e) {
    // Not refused but unknown, or still locked after LOCK_WAIT_MS: each batch hears it, as it would alone.
    if (!refusedByDatabase(e) || lockedByOther(e)) {
      for (const w of group) w.reject(e);
      return;
    }
    const failed = failingBatch(group, e);
    if (failed === undefined) {
      // BEGIN or COMMIT refused (disk full, I/O): each batch tries again on its own.
      for (const w of group) await runAlone(db, w);
      return;
    }
    await commit(db, group.slice(0, failed));
    await runAlone(db, group[failed] as Waiting);
    await commit(db, group.slice(failed + 1));
    return;
  }
  let at = 0;
  for (const w of group) {
    w.resolve(results.slice(at, at + w.statements.length));
    at += w.statements.length;
  }
}

async function drain(db: Db, queue: Queue) {
  try {
    while (queue.waiting.length > 0) {
      await commit(db, queue.waiting.splice(0, MAX_GROUP));
      // Requests that became ready while that commit ran get to join the next group (and another
      // instance waiting for the write lock can take it meanwhile).
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    queue.draining = false;
  }
}

/** Runs `statements` as one atomic batch, committed together with whatever batches wait with it. */
export function commitInGroup(db: Db, statements: readonly BatchItem<"sqlite">[]): Promise<unknown[]> {
  let queue = queues.get(db);
  if (!queue) {
    queue = { waiting: [], draining: false };
    queues.set(db, queue);
  }
  const q = queue;
  return new Promise((resolve, reject) => {
    q.waiting.push({ statements, resolve, reject });
    if (!q.draining) {
      q.draining = true;
      setImmediate(() => void drain(db, q));
    }
  });
}
