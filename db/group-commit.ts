import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "./client";

/**
 * Group commit: the write batches that are waiting when the database is free go to it as one
 * transaction, so they share one commit (one fsync with synchronous = FULL) instead of paying one
 * each. Each batch keeps its own meaning: its statements run together and in order, after the
 * batches before it in the group, exactly as if those had committed just before it. If any
 * statement of the group fails, nothing of the group is kept and every batch runs again on its own,
 * so only the batch that failed fails. A caller hears back once its batch is durable.
 */
type Waiting = {
  statements: readonly BatchItem<"sqlite">[];
  resolve: (results: unknown[]) => void;
  reject: (error: unknown) => void;
};

/** Enough to share commits under load, small enough that one group stays a short transaction. */
const MAX_GROUP = 64;

const queues = new WeakMap<Db, { waiting: Waiting[]; draining: boolean }>();

async function runAlone(db: Db, w: Waiting) {
  try {
    w.resolve(await db.batch(w.statements as [BatchItem<"sqlite">]));
  } catch (e) {
    w.reject(e);
  }
}

async function commit(db: Db, group: Waiting[]) {
  if (group.length === 1) return runAlone(db, group[0] as Waiting);
  let results: unknown[];
  try {
    results = await db.batch(group.flatMap((w) => w.statements) as [BatchItem<"sqlite">]);
  } catch {
    for (const w of group) await runAlone(db, w);
    return;
  }
  let at = 0;
  for (const w of group) {
    w.resolve(results.slice(at, at + w.statements.length));
    at += w.statements.length;
  }
}

async function drain(db: Db, queue: { waiting: Waiting[]; draining: boolean }) {
  while (queue.waiting.length > 0) {
    await commit(db, queue.waiting.splice(0, MAX_GROUP));
    // Requests that became ready while that commit ran get to join the next group.
    await new Promise((resolve) => setImmediate(resolve));
  }
  queue.draining = false;
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
