import "server-only";
import {
  and,
  asc,
  count,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  min,
  ne,
  notExists,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Outbox } from "../../lib/xapi/forwarder";
import type { Statement } from "../../lib/xapi/types";
import { type Db, db as defaultDb } from "../client";
import { xapiForwarder, xapiOutbox } from "../schema";
import { writeBatch } from "../write";

/** A claim this old belongs to a forwarder that died mid-send; another may take the statements over. */
export const STALE_CLAIM_MS = 5 * 60_000;
/** Sent statements are kept this long (the LRS has them), then pruned. */
export const KEEP_SENT_DAYS = 30;
const STATE_ID = "lrs";
const ROWS_PER_INSERT = 500;

/**
 * The outbox inserts for an event's statements, to append to that event's batch (after the
 * write they record). The ids are the statements' own deterministic ids, so a retried event stores
 * nothing twice. With `guard` (e.g. `exists (select 1 from certificates where id = …)`) the rows
 * are inserted only if it holds when the batch reaches them: for events whose write is itself
 * guarded and may do nothing.
 */
export function outboxInserts(
  statements: readonly Statement[],
  { db = defaultDb, guard, now = new Date() }: { db?: Db; guard?: SQL; now?: Date } = {},
): BatchItem<"sqlite">[] {
  const inserts: BatchItem<"sqlite">[] = [];
  for (let i = 0; i < statements.length; i += ROWS_PER_INSERT) {
    const chunk = statements.slice(i, i + ROWS_PER_INSERT);
    if (!guard) {
      inserts.push(
        db
          .insert(xapiOutbox)
          .values(chunk.map((s) => ({ id: s.id, statement: s, createdAt: now })))
          .onConflictDoNothing({ target: xapiOutbox.id }),
      );
      continue;
    }
    const rows = sql.join(
      chunk.map((s) => sql`(${s.id}, ${JSON.stringify(s)}, ${now.getTime()})`),
      sql`, `,
    );
    inserts.push(
      db.run(sql`insert into ${xapiOutbox} (id, statement, created_at)
        select column1, column2, column3 from (values ${rows}) where ${guard}
        on conflict (id) do nothing`),
    );
  }
  return inserts;
}

export type QueuedStatement = { seq: number; id: string; statement: Statement; attempts: number };

const unsent = isNull(xapiOutbox.sentAt);
const unclaimed = (stale: Date) => or(isNull(xapiOutbox.claimedAt), lt(xapiOutbox.claimedAt, stale));
const due = (now: Date) => or(isNull(xapiOutbox.nextAttemptAt), lte(xapiOutbox.nextAttemptAt, now));

/**
 * Claims the next `limit` statements due for sending, oldest first, for the forwarder run `owner`.
 * One guarded UPDATE: it takes nothing while another run holds a live claim (so two forwarders
 * never send the same statement, and sends stay in order) or while the queue is paused after
 * failures. Returns them in `seq` order.
 */
export async function claimStatements({
  owner,
  limit,
  now = new Date(),
  db = defaultDb,
}: {
  owner: string;
  limit: number;
  now?: Date;
  db?: Db;
}): Promise<QueuedStatement[]> {
  const stale = new Date(now.getTime() - STALE_CLAIM_MS);
  const next = db
    .select({ seq: xapiOutbox.seq })
    .from(xapiOutbox)
    .where(and(unsent, due(now), unclaimed(stale)))
    .orderBy(asc(xapiOutbox.seq))
    .limit(limit);
  const [claimed] = await writeBatch(
    [
      db
        .update(xapiOutbox)
        .set({ claimedBy: owner, claimedAt: now })
        .where(
          and(
            inArray(xapiOutbox.seq, next),
            unclaimed(stale),
            notExists(
              db
                .select({ one: sql`1` })
                .from(xapiOutbox)
                .where(and(unsent, gte(xapiOutbox.claimedAt, stale), ne(xapiOutbox.claimedBy, owner))),
            ),
            notExists(
              db
                .select({ one: sql`1` })
                .from(xapiForwarder)
                .where(and(eq(xapiForwarder.id, STATE_ID), gt(xapiForwarder.pausedUntil, now))),
            ),
          ),
        )
        .returning({
          seq: xapiOutbox.seq,
          id: xapiOutbox.id,
          statement: xapiOutbox.statement,
          attempts: xapiOutbox.attempts,
        }),
    ],
    db,
  );
  return claimed.sort((a, b) => a.seq - b.seq);
}

const stateUpsert = (db: Db, values: Partial<typeof xapiForwarder.$inferInsert>) =>
  db
    .insert(xapiForwarder)
    .values({ id: STATE_ID, ...values })
    .onConflictDoUpdate({ target: xapiForwarder.id, set: values });

/** The LRS acknowledged these: they leave the queue, and the queue's failure count starts again. */
export async function markSent({
  seqs,
  now = new Date(),
  db = defaultDb,
}: {
  seqs: readonly number[];
  now?: Date;
  db?: Db;
}) {
  if (seqs.length === 0) return;
  await writeBatch(
    [
      db
        .update(xapiOutbox)
        .set({ sentAt: now, claimedBy: null, claimedAt: null, lastError: null, nextAttemptAt: null })
        .where(and(inArray(xapiOutbox.seq, [...seqs]), unsent)),
      stateUpsert(db, { lastSuccessAt: now, failures: 0, pausedUntil: null }),
    ],
    db,
  );
}

/**
 * A send failed: the statements stay queued, with the reason, one more attempt counted and the
 * time they may go again. `pauseQueue` (the LRS could not be reached or answered with an error of
 * its own) holds the whole queue until then, so later statements do not overtake them; without it
 * (the LRS refused this one statement) only these wait.
 */
export async function markFailed({
  seqs,
  reason,
  nextAttemptAt,
  pauseQueue,
  now = new Date(),
  db = defaultDb,
}: {
  seqs: readonly number[];
  reason: string;
  nextAttemptAt: Date;
  pauseQueue: boolean;
  now?: Date;
  db?: Db;
}) {
  if (seqs.length === 0) return;
  const error = reason.slice(0, 1000);
  await writeBatch(
    [
      db
        .update(xapiOutbox)
        .set({
          attempts: sql`${xapiOutbox.attempts} + 1`,
          lastError: error,
          nextAttemptAt,
          claimedBy: null,
          claimedAt: null,
        })
        .where(and(inArray(xapiOutbox.seq, [...seqs]), unsent)),
      pauseQueue
        ? db
            .insert(xapiForwarder)
            .values({
              id: STATE_ID,
              failures: 1,
              pausedUntil: nextAttemptAt,
              lastErrorAt: now,
              lastError: error,
            })
            .onConflictDoUpdate({
              target: xapiForwarder.id,
              set: {
                failures: sql`${xapiForwarder.failures} + 1`,
                pausedUntil: nextAttemptAt,
                lastErrorAt: now,
                lastError: error,
              },
            })
        : stateUpsert(db, { lastErrorAt: now, lastError: error }),
    ],
    db,
  );
}

/** Gives claimed statements back unsent and uncounted (the forwarder will send them one at a time). */
export async function releaseClaims({
  owner,
  seqs,
  db = defaultDb,
}: {
  owner: string;
  seqs: readonly number[];
  db?: Db;
}) {
  if (seqs.length === 0) return;
  await writeBatch(
    [
      db
        .update(xapiOutbox)
        .set({ claimedBy: null, claimedAt: null })
        .where(and(inArray(xapiOutbox.seq, [...seqs]), eq(xapiOutbox.claimedBy, owner), unsent)),
    ],
    db,
  );
}

export type ForwarderState = {
  failures: number;
  pausedUntil: Date | null;
  lastSuccessAt: Date | null;
  lastErrorAt: Date | null;
  lastError: string | null;
};

export async function getForwarderState({ db = defaultDb }: { db?: Db } = {}): Promise<ForwarderState> {
  const [row] = await db.select().from(xapiForwarder).where(eq(xapiForwarder.id, STATE_ID));
  return {
    failures: row?.failures ?? 0,
    pausedUntil: row?.pausedUntil ?? null,
    lastSuccessAt: row?.lastSuccessAt ?? null,
    lastErrorAt: row?.lastErrorAt ?? null,
    lastError: row?.lastError ?? null,
  };
}

/**
 * Why nothing could be claimed: how many statements are due now, whether another forwarder holds
 * a live claim, and until when the queue is paused.
 */
export async function getQueueState({ now = new Date(), db = defaultDb }: { now?: Date; db?: Db } = {}) {
  const stale = new Date(now.getTime() - STALE_CLAIM_MS);
  const [[dueNow], [held], state] = await Promise.all([
    db
      .select({ n: count() })
      .from(xapiOutbox)
      .where(and(unsent, due(now))),
    db
      .select({ n: count() })
      .from(xapiOutbox)
      .where(and(unsent, gte(xapiOutbox.claimedAt, stale))),
    getForwarderState({ db }),
  ]);
  const paused = state.pausedUntil && state.pausedUntil > now ? state.pausedUntil : null;
  return { due: dueNow?.n ?? 0, claimed: held?.n ?? 0, pausedUntil: paused };
}

/** What the admin page shows: the queue, the statements that failed and why, the forwarder's state. */
export async function getOutboxStatus({
  now = new Date(),
  failedLimit = 50,
  db = defaultDb,
}: {
  now?: Date;
  failedLimit?: number;
  db?: Db;
} = {}) {
  const failedOnes = and(unsent, gt(xapiOutbox.attempts, 0));
  const [[queue], [failing], failed, state] = await Promise.all([
    db
      .select({ n: count(), oldest: min(xapiOutbox.createdAt) })
      .from(xapiOutbox)
      .where(unsent),
    db.select({ n: count() }).from(xapiOutbox).where(failedOnes),
    db
      .select({
        seq: xapiOutbox.seq,
        id: xapiOutbox.id,
        statement: xapiOutbox.statement,
        createdAt: xapiOutbox.createdAt,
        attempts: xapiOutbox.attempts,
        lastError: xapiOutbox.lastError,
        nextAttemptAt: xapiOutbox.nextAttemptAt,
      })
      .from(xapiOutbox)
      .where(failedOnes)
      .orderBy(asc(xapiOutbox.seq))
      .limit(failedLimit),
    getForwarderState({ db }),
  ]);
  const oldest = queue?.oldest;
  return {
    queued: queue?.n ?? 0,
    oldestQueuedAt: oldest === null || oldest === undefined ? null : new Date(oldest),
    failedCount: failing?.n ?? 0,
    failed: failed.map((f) => ({
      ...f,
      verb: f.statement.verb?.id ?? null,
      object: f.statement.object?.id ?? null,
    })),
    ...state,
    paused: state.pausedUntil !== null && state.pausedUntil > now,
  };
}

/** Deletes statements sent more than KEEP_SENT_DAYS ago, a bounded number per call; returns how many. */
export async function pruneSent({
  now = new Date(),
  limit = 5000,
  db = defaultDb,
}: {
  now?: Date;
  limit?: number;
  db?: Db;
} = {}): Promise<number> {
  const before = new Date(now.getTime() - KEEP_SENT_DAYS * 86_400_000);
  const old = db
    .select({ seq: xapiOutbox.seq })
    .from(xapiOutbox)
    .where(and(isNotNull(xapiOutbox.sentAt), lt(xapiOutbox.sentAt, before)))
    .limit(limit);
  const [result] = await writeBatch([db.delete(xapiOutbox).where(inArray(xapiOutbox.seq, old))], db);
  return (result as { rowsAffected?: number }).rowsAffected ?? 0;
}

/** The outbox as lib/xapi/forwarder.ts uses it. */
export function outboxOf(db: Db = defaultDb): Outbox {
  return {
    claim: (owner, limit, now) => claimStatements({ owner, limit, now, db }),
    markSent: (seqs, now) => markSent({ seqs, now, db }),
    markFailed: (f) => markFailed({ ...f, db }),
    release: (owner, seqs) => releaseClaims({ owner, seqs, db }),
    failures: async () => (await getForwarderState({ db })).failures,
    queueState: (now) => getQueueState({ now, db }),
  };
}
