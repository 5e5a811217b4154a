import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import {
  claimStatements,
  getOutboxStatus,
  markFailed,
  markSent,
  outboxInserts,
  outboxOf,
  pruneSent,
  STALE_CLAIM_MS,
} from "@/db/queries/xapi-outbox";
import { xapiForwarder, xapiOutbox } from "@/db/schema";
import { writeBatch } from "@/db/write";
import { backoffMs, QUEUE_BACKOFF } from "@/lib/xapi/backoff";
import { chapterReadStatements } from "@/lib/xapi/chapter";
import { forward } from "@/lib/xapi/forwarder";
import type { SendOutcome } from "@/lib/xapi/lrs-client";
import { siteOf } from "@/lib/xapi/site";
import type { Statement } from "@/lib/xapi/types";
import { setUpTestDb } from "./test-db";

const { db } = setUpTestDb();
const site = siteOf("https://training.bank.local");
const t0 = new Date("2026-03-02T02:00:00.000Z");
const later = (ms: number) => new Date(t0.getTime() + ms);

/** n distinct statements (chapter reads of n revisions). */
const statements = (n: number, from = 0): Statement[] =>
  Array.from({ length: n }, (_, i) =>
    chapterReadStatements(
      {
        learner: { employeeNo: "E1001" },
        chapter: { slug: "basic-skills", title: "基本技能", locale: "zh-CN", revisionId: `rev-${from + i}` },
        at: t0,
      },
      site,
    ),
  ).flat();

async function enqueue(list: Statement[], now = t0) {
  const [first, ...rest] = outboxInserts(list, { db, now });
  if (first) await writeBatch([first, ...rest], db);
}

const queuedIds = async () =>
  (
    await db
      .select({ id: xapiOutbox.id })
      .from(xapiOutbox)
      .where(sql`sent_at is null`)
      .orderBy(xapiOutbox.seq)
  ).map((r) => r.id);

beforeEach(async () => {
  await db.delete(xapiOutbox);
  await db.delete(xapiForwarder);
});

describe("xAPI outbox", () => {
  it("stores an event's statements once, in order, and only when the guard holds", async () => {
    const list = statements(3);
    await enqueue(list);
    await enqueue(list); // a retried event
    expect(await queuedIds()).toEqual(list.map((s) => s.id));

    const more = statements(2, 10);
    const [no] = outboxInserts(more, {
      db,
      guard: sql`exists (select 1 from ${xapiOutbox} where id = 'nope')`,
    });
    const [yes] = outboxInserts(more, { db, guard: sql`1 = 1` });
    if (!no || !yes) throw new Error("no insert");
    await writeBatch([no], db);
    expect(await queuedIds()).toHaveLength(3);
    await writeBatch([yes], db);
    expect(await queuedIds()).toEqual([...list, ...more].map((s) => s.id));
    const [row] = await db.select().from(xapiOutbox).where(sql`id = ${more[0]?.id}`);
    expect(row?.statement).toEqual(more[0]);
    expect(outboxInserts([], { db })).toEqual([]);
  });

  it("claims the oldest due statements; nobody else claims while a live claim is held; a stale claim is taken over", async () => {
    const list = statements(5);
    await enqueue(list);
    const a = await claimStatements({ owner: "a", limit: 2, now: t0, db });
    expect(a.map((r) => r.id)).toEqual(list.slice(0, 2).map((s) => s.id));
    expect(a[0]?.statement).toEqual(list[0]);
    // Another forwarder gets nothing while "a" holds its claim (order and no double sends).
    expect(await claimStatements({ owner: "b", limit: 10, now: later(1000), db })).toEqual([]);
    // "a" sends them; then "b" may carry on with the rest.
    await markSent({ seqs: a.map((r) => r.seq), now: later(2000), db });
    const b = await claimStatements({ owner: "b", limit: 2, now: later(3000), db });
    expect(b.map((r) => r.id)).toEqual(list.slice(2, 4).map((s) => s.id));
    // "b" dies holding its claim: after STALE_CLAIM_MS "c" takes them over.
    expect(
      await claimStatements({ owner: "c", limit: 10, now: later(3000 + STALE_CLAIM_MS - 1), db }),
    ).toEqual([]);
    const c = await claimStatements({ owner: "c", limit: 10, now: later(3001 + STALE_CLAIM_MS), db });
    expect(c.map((r) => r.id)).toEqual(list.slice(2).map((s) => s.id));
  });

  it("a failed send keeps the statements with the reason and pauses the queue until the next attempt", async () => {
    const list = statements(3);
    await enqueue(list);
    const claimed = await claimStatements({ owner: "a", limit: 2, now: t0, db });
    await markFailed({
      seqs: claimed.map((r) => r.seq),
      reason: "fetch failed: connect ECONNREFUSED 127.0.0.1:1",
      nextAttemptAt: later(10_000),
      pauseQueue: true,
      now: t0,
      db,
    });
    // Paused: not even the third (never tried) statement may overtake them.
    expect(await claimStatements({ owner: "b", limit: 10, now: later(9_999), db })).toEqual([]);
    const status = await getOutboxStatus({ now: later(1), db });
    expect(status).toMatchObject({
      queued: 3,
      failedCount: 2,
      paused: true,
      failures: 1,
      lastError: "fetch failed: connect ECONNREFUSED 127.0.0.1:1",
      lastSuccessAt: null,
    });
    expect(status.failed.map((f) => [f.id, f.attempts, f.verb])).toEqual([
      [list[0]?.id, 1, "http://adlnet.gov/expapi/verbs/experienced"],
      [list[1]?.id, 1, "http://adlnet.gov/expapi/verbs/experienced"],
    ]);
    expect(status.oldestQueuedAt).toEqual(t0);
    const again = await claimStatements({ owner: "b", limit: 10, now: later(10_000), db });
    expect(again.map((r) => [r.id, r.attempts])).toEqual(list.map((s, i) => [s.id, i < 2 ? 1 : 0]));
    await markSent({ seqs: again.map((r) => r.seq), now: later(11_000), db });
    expect(await getOutboxStatus({ now: later(11_000), db })).toMatchObject({
      queued: 0,
      failedCount: 0,
      failures: 0,
      paused: false,
      lastSuccessAt: later(11_000),
    });
  });

  it("prunes statements sent more than 30 days ago, and only those", async () => {
    await enqueue(statements(3));
    const claimed = await claimStatements({ owner: "a", limit: 2, now: t0, db });
    await markSent({ seqs: claimed.slice(0, 1).map((r) => r.seq), now: t0, db });
    await markSent({ seqs: claimed.slice(1).map((r) => r.seq), now: later(20 * 86_400_000), db });
    expect(await pruneSent({ now: later(31 * 86_400_000), db })).toBe(1);
    expect(await db.$count(xapiOutbox)).toBe(2);
  });
});

type Sent = { ids: string[]; outcome: SendOutcome["kind"] };

/** An LRS stand-in: answers by a rule, remembers what it was sent and keeps one copy per id. */
function fakeLrs(rule: (batch: Statement[]) => SendOutcome) {
  const log: Sent[] = [];
  const stored = new Map<string, Statement>();
  const send = async (batch: Statement[]) => {
    const outcome = rule(batch);
    log.push({ ids: batch.map((s) => s.id), outcome: outcome.kind });
    if (outcome.kind === "stored") for (const s of batch) stored.set(s.id, s);
    return outcome;
  };
  return { send, log, stored };
}

describe("xAPI forwarder", () => {
  const clockAt = (start: Date) => {
    let now = start.getTime();
    const clock = () => {
      now += 1;
      return new Date(now);
    };
    const advance = (ms: number) => {
      now += ms;
    };
    return { clock, advance };
  };

  it("sends everything in order, in batches, and stops when nothing is due", async () => {
    const list = statements(250);
    await enqueue(list);
    const lrs = fakeLrs(() => ({ kind: "stored" }));
    const report = await forward({
      outbox: outboxOf(db),
      send: lrs.send,
      batchSize: 100,
      clock: clockAt(t0).clock,
    });
    expect(report).toMatchObject({ sent: 250, rejected: 0, stopped: "empty" });
    expect(lrs.log.map((l) => l.ids.length)).toEqual([100, 100, 50]);
    expect(lrs.log.flatMap((l) => l.ids)).toEqual(list.map((s) => s.id));
    expect(await queuedIds()).toEqual([]);
  });

  it("LRS down: nothing is lost; it backs off, then sends everything once, in order", async () => {
    const list = statements(30);
    await enqueue(list);
    let up = false;
    const lrs = fakeLrs(() =>
      up ? { kind: "stored" } : { kind: "unavailable", reason: "fetch failed: ECONNREFUSED" },
    );
    const time = clockAt(t0);
    const options = { outbox: outboxOf(db), send: lrs.send, batchSize: 10, clock: time.clock };
    const first = await forward(options);
    expect(first).toMatchObject({ sent: 0, stopped: "unavailable", lastError: "fetch failed: ECONNREFUSED" });
    // Still paused: a run now sends nothing at all.
    expect(await forward(options)).toMatchObject({ sent: 0, stopped: "paused" });
    time.advance(QUEUE_BACKOFF.baseMs);
    const second = await forward(options);
    expect(second.stopped).toBe("unavailable");
    // The second failure waits longer than the first (exponential backoff).
    const wait1 = (first.pausedUntil?.getTime() ?? 0) - t0.getTime();
    const wait2 = (second.pausedUntil?.getTime() ?? 0) - t0.getTime() - QUEUE_BACKOFF.baseMs;
    expect(wait2).toBeGreaterThan(wait1);
    expect(await queuedIds()).toEqual(list.map((s) => s.id));

    up = true;
    time.advance(60 * 60_000);
    const third = await forward(options);
    expect(third).toMatchObject({ sent: 30, stopped: "empty" });
    const delivered = lrs.log.filter((l) => l.outcome === "stored").flatMap((l) => l.ids);
    expect(delivered).toEqual(list.map((s) => s.id));
    expect((await getOutboxStatus({ db })).failures).toBe(0);
  });

  it("a statement the LRS refuses is found by sending one at a time; it stays queued with its reason, the rest go", async () => {
    const list = statements(12);
    await enqueue(list);
    const bad = list[4]?.id;
    const lrs = fakeLrs((batch) =>
      batch.some((s) => s.id === bad)
        ? { kind: "rejected", reason: "HTTP 400: bad statement" }
        : { kind: "stored" },
    );
    const report = await forward({
      outbox: outboxOf(db),
      send: lrs.send,
      batchSize: 5,
      clock: clockAt(t0).clock,
    });
    expect(report).toMatchObject({
      sent: 11,
      rejected: 1,
      stopped: "empty",
      lastError: "HTTP 400: bad statement",
    });
    // The batch of five went back and its statements went one by one; then batches again.
    expect(lrs.log.map((l) => l.ids.length)).toEqual([5, 1, 1, 1, 1, 1, 5, 2]);
    expect(await queuedIds()).toEqual([bad]);
    const status = await getOutboxStatus({ db });
    expect(status.failed).toMatchObject([{ id: bad, attempts: 1, lastError: "HTTP 400: bad statement" }]);
    expect(status.paused).toBe(false);
    expect(lrs.log.filter((l) => l.outcome === "stored").flatMap((l) => l.ids)).toEqual(
      list.filter((s) => s.id !== bad).map((s) => s.id),
    );
  });

  it("two forwarders at once: one holds the queue while the other waits; every statement once, in order", async () => {
    const list = statements(200);
    await enqueue(list);
    const lrs = fakeLrs(() => ({ kind: "stored" }));
    const slow = async (batch: Statement[]) => {
      await new Promise((r) => setTimeout(r, 5));
      return lrs.send(batch);
    };
    const run = () => forward({ outbox: outboxOf(db), send: slow, batchSize: 20, busyWaitMs: 2 });
    const [a, b] = await Promise.all([run(), run()]);
    // Whichever claims first holds the queue; the other waits for it and finds nothing left.
    expect((a?.sent ?? 0) + (b?.sent ?? 0)).toBe(200);
    const sent = lrs.log.flatMap((l) => l.ids);
    expect(sent).toEqual(list.map((s) => s.id));
  });

  it("backoff doubles from its base up to its cap, with jitter between half and all of it", () => {
    const b = { baseMs: 1000, maxMs: 10_000 };
    expect([1, 2, 3, 4, 5, 50].map((n) => backoffMs(n, b, () => 1))).toEqual([
      1000, 2000, 4000, 8000, 10_000, 10_000,
    ]);
    expect(backoffMs(3, b, () => 0)).toBe(2000);
    expect(backoffMs(0, b, () => 1)).toBe(1000);
  });
});
