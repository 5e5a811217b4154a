import { type Backoff, backoffMs, QUEUE_BACKOFF, STATEMENT_BACKOFF } from "./backoff";
import type { SendOutcome } from "./lrs-client";
import type { Statement } from "./types";

export type Queued = { seq: number; statement: Statement; attempts: number };

/** The outbox as the forwarder uses it (db/queries/xapi-outbox.ts in production). */
export type Outbox = {
  claim(owner: string, limit: number, now: Date): Promise<Queued[]>;
  markSent(seqs: number[], now: Date): Promise<void>;
  markFailed(f: {
    seqs: number[];
    reason: string;
    nextAttemptAt: Date;
    pauseQueue: boolean;
    now: Date;
  }): Promise<void>;
  release(owner: string, seqs: number[]): Promise<void>;
  /** Consecutive failed sends of the queue so far. */
  failures(): Promise<number>;
  /** Why a claim came back empty. */
  queueState(now: Date): Promise<{ due: number; claimed: number; pausedUntil: Date | null }>;
};

export type ForwardOptions = {
  outbox: Outbox;
  send: (statements: Statement[]) => Promise<SendOutcome>;
  /** Statements per POST (default 100). */
  batchSize?: number;
  /** Stop claiming after this long (default 50 s, so a run from a once-a-minute cron ends before the next). */
  maxMs?: number;
  queueBackoff?: Backoff;
  statementBackoff?: Backoff;
  /** While another forwarder holds the queue, look again after this long (default 250 ms). */
  busyWaitMs?: number;
  clock?: () => Date;
  owner?: string;
};

export type ForwardReport = {
  sent: number;
  /** Statements the LRS refused on their own: they stay queued, each with its reason and a later retry. */
  rejected: number;
  /** empty: nothing due; paused: waiting after failures; unavailable: this run's send failed; time: maxMs reached. */
  stopped: "empty" | "paused" | "unavailable" | "time";
  pausedUntil: Date | null;
  lastError: string | null;
  /** Time spent waiting for the LRS's answers. */
  lrsMs: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends queued statements to the LRS in order, a claimed batch at a time, until nothing is due.
 * - Each batch is claimed in the database before it is sent, so two forwarders never hold the
 *   same statement; while another holds the queue this one waits and then carries on after it.
 * - Acknowledged (200/204, or 409 for one statement the LRS already has): marked sent.
 * - LRS unreachable or failing: the batch stays queued with the reason, and the whole queue
 *   pauses with exponential backoff; the run ends. Nothing is lost, and order is kept.
 * - Refused content in a batch: the batch is given back and sent one statement at a time, so
 *   the statement at fault is found; it stays queued with its reason and its own backoff, and
 *   the others go on.
 * A statement the LRS stored but whose answer was lost is sent again later; the LRS keeps one
 * copy, as statement ids are fixed by the event.
 */
export async function forward({
  outbox,
  send,
  batchSize = 100,
  maxMs = 50_000,
  queueBackoff = QUEUE_BACKOFF,
  statementBackoff = STATEMENT_BACKOFF,
  busyWaitMs = 250,
  clock = () => new Date(),
  owner = crypto.randomUUID(),
}: ForwardOptions): Promise<ForwardReport> {
  const started = clock().getTime();
  const report: ForwardReport = {
    sent: 0,
    rejected: 0,
    stopped: "empty",
    pausedUntil: null,
    lastError: null,
    lrsMs: 0,
  };
  let singles = 0;
  for (;;) {
    const now = clock();
    if (now.getTime() - started >= maxMs) {
      report.stopped = "time";
      return report;
    }
    const batch = await outbox.claim(owner, singles > 0 ? 1 : batchSize, now);
    if (batch.length === 0) {
      const state = await outbox.queueState(now);
      if (state.pausedUntil) {
        report.stopped = "paused";
        report.pausedUntil = state.pausedUntil;
        return report;
      }
      if (state.due === 0) {
        report.stopped = "empty";
        return report;
      }
      await sleep(busyWaitMs);
      continue;
    }
    const seqs = batch.map((q) => q.seq);
    const sending = performance.now();
    const outcome = await send(batch.map((q) => q.statement));
    report.lrsMs += Math.round(performance.now() - sending);
    const after = clock();
    if (outcome.kind === "stored") {
      await outbox.markSent(seqs, after);
      report.sent += batch.length;
      singles = Math.max(0, singles - batch.length);
    } else if (outcome.kind === "rejected" && batch.length > 1) {
      await outbox.release(owner, seqs);
      singles = batch.length;
    } else if (outcome.kind === "rejected") {
      const [one] = batch;
      const wait = backoffMs((one?.attempts ?? 0) + 1, statementBackoff);
      await outbox.markFailed({
        seqs,
        reason: outcome.reason,
        nextAttemptAt: new Date(after.getTime() + wait),
        pauseQueue: false,
        now: after,
      });
      report.rejected += 1;
      report.lastError = outcome.reason;
      singles = Math.max(0, singles - 1);
    } else {
      const wait = backoffMs((await outbox.failures()) + 1, queueBackoff);
      const until = new Date(after.getTime() + wait);
      await outbox.markFailed({
        seqs,
        reason: outcome.reason,
        nextAttemptAt: until,
        pauseQueue: true,
        now: after,
      });
      report.stopped = "unavailable";
      report.pausedUntil = until;
      report.lastError = outcome.reason;
      return report;
    }
  }
}
