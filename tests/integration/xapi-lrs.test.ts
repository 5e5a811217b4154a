import { spawn } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { revokeCertificate } from "@/db/queries/certificates";
import { getOutboxStatus, outboxInserts } from "@/db/queries/xapi-outbox";
import {
  branches,
  certificates,
  checkAttempts,
  scenarioAttempts,
  users,
  xapiForwarder,
  xapiOutbox,
} from "@/db/schema";
import { writeBatch } from "@/db/write";
import { forwardOutbox } from "@/db/xapi-forward";
import { certifications } from "@/lib/certification/catalog";
import { actorOf, defaultSite, siteOf } from "@/lib/xapi/site";
import type { Statement } from "@/lib/xapi/types";
import { checkRow, playRow } from "../unit/rows";
import { arrangePassedExam } from "../unit/take-check";
import { setUpTestDb } from "../unit/test-db";
import { outbox, playThrough, readChapter } from "../unit/use-case-journey";
import { journey } from "../unit/xapi-fixtures";
import {
  AUTHORIZATION,
  LRS_PASSWORD,
  LRS_USER,
  type Lrs,
  type LrsProxy,
  startLrs,
  startProxy,
} from "./lrs-harness";

const { db, url: databaseUrl } = setUpTestDb();
const site = siteOf("https://training.bank.local");
let lrs: Lrs;
let proxy: LrsProxy;
const viaProxy = () => ({ url: proxy.url, authorization: AUTHORIZATION });
const fastBackoff = { baseMs: 100, maxMs: 400 };

beforeAll(async () => {
  lrs = await startLrs();
  proxy = await startProxy(lrs.url);
}, 90_000);

afterAll(async () => {
  await proxy?.stop();
  await lrs?.stop();
});

beforeEach(async () => {
  await db.delete(xapiOutbox);
  await db.delete(xapiForwarder);
  proxy.posted.length = 0;
});

/** Each event's statements in their own batch, as the events' writes would store them. */
async function enqueue(events: Statement[][]) {
  for (const statements of events) {
    const [first, ...rest] = outboxInserts(statements, { db });
    if (first) await writeBatch([first, ...rest], db);
  }
}

/** `n` learners' journeys (about 38 statements each) as events, for E<from>, E<from + 1>… */
function journeys(from: number, n: number): Statement[][] {
  return Array.from({ length: n }, (_, i) => journey(site, `E${from + i}`, from + i)).flat();
}

const queuedCount = async () => db.$count(xapiOutbox, sql`sent_at is null`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

describe("xAPI to a real LRS (LearningLocker xapi-statements, in memory)", () => {
  it("a journey through the real use cases (read a chapter, play role-plays, earn and lose the certificate) is forwarded and read back as stored", async () => {
    // The use cases name learners under APP_URL (the default site), as the app does.
    const T0 = new Date("2026-03-02T02:00:00Z").getTime();
    const def = certifications()[0];
    if (!def) throw new Error("no certification");
    await db.insert(branches).values({ id: "b1", code: "B1", name: "总行", nameEn: "HQ", path: "/b1/" });
    await db.insert(users).values([
      { id: "j1", employeeNo: "E8101", name: "学员", branchId: "b1", hireDate: "2026-01-01" },
      {
        id: "j9",
        employeeNo: "E8109",
        name: "管理员",
        role: "admin",
        branchId: "b1",
        hireDate: "2026-01-01",
      },
    ]);
    const user = { id: "j1", employeeNo: "E8101" };
    // The exam, the checks and two role-plays as stored results (the check and exam close batches'
    // statements are tested in tests/unit/xapi-wiring.test.ts); the rest is played.
    await arrangePassedExam({ userId: "j1", certificationId: def.id, at: new Date(T0), db });
    for (const slug of def.chapters)
      await db
        .insert(checkAttempts)
        .values(checkRow({ userId: "j1", slug, percent: 100, createdAt: new Date(T0) }));
    for (const s of def.scenarios.slice(0, -1))
      await db
        .insert(scenarioAttempts)
        .values(
          playRow({ userId: "j1", slug: s.slug, percent: 100, completedAt: new Date(T0), stepStartedAt: T0 }),
        );
    await readChapter(db, user, "basic-skills", new Date(T0 + 60_000));
    await playThrough(db, user, "greeting", T0 + 120_000, { stepMs: 5000 });
    await playThrough(db, user, def.scenarios.at(-1)?.slug as string, T0 + 600_000, { stepMs: 15_000 });
    const [cert] = await db.select().from(certificates);
    expect(cert?.userId).toBe("j1");
    await revokeCertificate({
      id: cert?.id as string,
      actorId: "j9",
      reason: "测试撤销",
      now: new Date(T0 + 86_400_000),
      db,
    });

    const sent = await outbox(db);
    const kinds = sent.map((s) => s.verb.id.split("/").at(-1));
    expect(kinds[0]).toBe("experienced");
    expect(kinds.filter((k) => k === "completed")).toHaveLength(2);
    expect(kinds.slice(-2)).toEqual(["earned", "revoked"]);
    expect(kinds.filter((k) => k === "answered").length).toBeGreaterThan(4);

    const report = await forwardOutbox({ db, lrs: viaProxy() });
    expect(report).toMatchObject({ sent: sent.length, rejected: 0, stopped: "empty" });
    expect(proxy.posted.flat()).toEqual(sent.map((s) => s.id));
    const stored = await lrs.statementsOf(actorOf(defaultSite(), "E8101"));
    expect(stored.map((s) => s.id).sort()).toEqual(sent.map((s) => s.id).sort());
    const byId = new Map(stored.map((s) => [s.id, s]));
    for (const s of sent) expect(byId.get(s.id)).toMatchObject(JSON.parse(JSON.stringify(s)));
    // Stored in the order the use cases committed them.
    const storedAt = sent.map((s) => Date.parse(byId.get(s.id)?.stored ?? ""));
    expect(storedAt).toEqual([...storedAt].sort((a, b) => a - b));
    console.log(
      JSON.stringify({ xapi_use_case_journey: { statements: sent.length, kinds: [...new Set(kinds)] } }),
    );
  });

  it("a learner's journey is forwarded, and the statements read back from the LRS match what was sent", async () => {
    const events = journey(site, "E1001", 1);
    const sent = events.flat();
    await enqueue(events);
    const report = await forwardOutbox({ db, lrs: viaProxy() });
    expect(report).toMatchObject({ sent: sent.length, rejected: 0, stopped: "empty" });
    expect(await queuedCount()).toBe(0);

    const stored = await lrs.statementsOf(actorOf(site, "E1001"));
    expect(stored.map((s) => s.id).sort()).toEqual(sent.map((s) => s.id).sort());
    const byId = new Map(stored.map((s) => [s.id, s]));
    for (const s of sent) {
      const back = byId.get(s.id);
      // Everything we wrote comes back as written; the LRS adds stored, authority and version.
      expect(back).toMatchObject(JSON.parse(JSON.stringify(s)));
      expect(back?.authority).toMatchObject({ name: "training platform" });
    }
    // Stored in the order the events happened.
    const storedAt = sent.map((s) => Date.parse(byId.get(s.id)?.stored ?? ""));
    expect(storedAt).toEqual([...storedAt].sort((a, b) => a - b));
    expect(proxy.posted.flat()).toEqual(sent.map((s) => s.id));
  });

  it("2,000 statements: throughput of one forwarder run, and the lag from enqueue to visible in the LRS", async () => {
    // Bulk: 2,000 queued statements (about 60 learners' journeys), one run.
    const bulk = journeys(3000, 70).flat().slice(0, 2000);
    await enqueue([bulk]);
    const t0 = performance.now();
    const report = await forwardOutbox({ db, lrs: viaProxy(), batchSize: 100 });
    const seconds = (performance.now() - t0) / 1000;
    expect(report, JSON.stringify(report)).toMatchObject({ sent: 2000, stopped: "empty" });
    const perSecond = Math.round(2000 / seconds);

    // Lag: events keep arriving (20 statements every 50 ms, 2,000 in all) while a forwarder runs
    // every second, as XAPI_FORWARD_INTERVAL_SECONDS=1 would; then each statement's lag is the
    // time from its enqueue to the LRS's acknowledgement, and every one is checked to be in the LRS.
    await db.delete(xapiOutbox);
    const flowing = journeys(5000, 70).flat().slice(0, 2000);
    let producing = true;
    const producer = (async () => {
      for (let i = 0; i < flowing.length; i += 20) {
        await enqueue([flowing.slice(i, i + 20)]);
        await sleep(50);
      }
      producing = false;
    })();
    const forwarder = (async () => {
      while (producing || (await queuedCount()) > 0) {
        await forwardOutbox({ db, lrs: viaProxy(), batchSize: 100 });
        await sleep(1000);
      }
    })();
    await Promise.all([producer, forwarder]);
    const rows = await db
      .select({ createdAt: xapiOutbox.createdAt, sentAt: xapiOutbox.sentAt })
      .from(xapiOutbox);
    expect(rows).toHaveLength(2000);
    const lags = rows
      .map((r) => (r.sentAt?.getTime() ?? Number.NaN) - r.createdAt.getTime())
      .sort((a, b) => a - b);
    expect(lags.every(Number.isFinite)).toBe(true);
    const last = flowing.at(-1) as Statement;
    const visible = await lrs.statementsOf(last.actor);
    expect(visible.some((s) => s.id === last.id)).toBe(true);
    const lag = { p50: percentile(lags, 50), p95: percentile(lags, 95), max: lags.at(-1) };
    console.log(
      JSON.stringify({
        xapi_forward: {
          statements: 2000,
          seconds: Number(seconds.toFixed(2)),
          per_second: perSecond,
          batch: 100,
          lrs_seconds: Number(((report?.lrsMs ?? 0) / 1000).toFixed(2)),
        },
        xapi_lag_ms: { statements: 2000, arrival_per_second: 400, interval_seconds: 1, ...lag },
      }),
    );
    expect(lag.p95).toBeLessThan(10_000);
  }, 120_000);

  it("LRS down, then up: nothing lost, nothing stored twice, even when the LRS's answer is lost", async () => {
    const events = journeys(7000, 8);
    const sent = events.flat();
    await enqueue(events);

    // Wrong credentials: the LRS says 401; everything stays queued with the reason.
    const wrong = await forwardOutbox({
      db,
      lrs: { url: proxy.url, authorization: "Basic bm90OnJpZ2h0" },
      queueBackoff: fastBackoff,
    });
    expect(wrong).toMatchObject({ sent: 0, stopped: "unavailable" });
    expect(wrong?.lastError).toMatch(/^HTTP 401/);
    expect(await queuedCount()).toBe(sent.length);
    proxy.posted.length = 0;

    await proxy.down();
    await sleep(fastBackoff.maxMs);
    const down = await forwardOutbox({ db, lrs: viaProxy(), queueBackoff: fastBackoff });
    expect(down).toMatchObject({ sent: 0, stopped: "unavailable" });
    expect(down?.lastError).toMatch(/ECONNREFUSED|fetch failed/);
    const status = await getOutboxStatus({ db });
    expect(status).toMatchObject({ queued: sent.length, paused: true, failures: 2 });
    expect(status.failed[0]?.lastError).toMatch(/ECONNREFUSED|fetch failed/);

    // Up again, but the LRS's answer to the first POST is lost on the way back: the forwarder
    // tries that POST again at once (the ids make it harmless), and then goes on.
    await proxy.up();
    proxy.loseNextAnswers(1);
    await sleep(fastBackoff.maxMs);
    const up = await forwardOutbox({ db, lrs: viaProxy(), queueBackoff: fastBackoff, batchSize: 50 });
    expect(up).toMatchObject({ sent: sent.length, stopped: "empty" });
    expect(await queuedCount()).toBe(0);

    // The first batch reached the LRS twice (its answer was lost); the LRS holds one copy of each.
    const posted = proxy.posted.flat();
    expect(posted.slice(0, 50)).toEqual(posted.slice(50, 100));
    expect(new Set(posted)).toEqual(new Set(sent.map((s) => s.id)));
    const stored = (
      await Promise.all(Array.from({ length: 8 }, (_, i) => lrs.statementsOf(actorOf(site, `E${7000 + i}`))))
    ).flat();
    expect(stored).toHaveLength(sent.length);
    expect(new Set(stored.map((s) => s.id)).size).toBe(sent.length);
    expect((await getOutboxStatus({ db })).failures).toBe(0);
  }, 60_000);

  it("two forwarders at once (two `npm run xapi:forward` processes): each statement is POSTed once, in order", async () => {
    const all = journeys(9000, 70).flat().slice(0, 2000);
    await enqueue([all]);
    const run = () =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(
          "npx",
          ["tsx", "--conditions=react-server", "scripts/xapi-forward.ts", "--batch-size", "50"],
          {
            env: {
              ...process.env,
              NODE_ENV: "test",
              DATABASE_URL: databaseUrl,
              LRS_URL: proxy.url,
              LRS_USERNAME: LRS_USER,
              LRS_PASSWORD,
            },
            stdio: ["ignore", "pipe", "inherit"],
          },
        );
        let out = "";
        child.stdout.on("data", (d) => {
          out += d;
        });
        child.on("exit", (code) => resolve({ code, out }));
      });
    const [a, b] = await Promise.all([run(), run()]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const reports = [a, b].map((r) => JSON.parse(r.out.trim().split("\n").at(-1) ?? "{}"));
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(2000);
    expect(reports.map((r) => r.stopped)).toEqual(["empty", "empty"]);
    const posted = proxy.posted.flat();
    expect(posted).toEqual(all.map((s) => s.id));
    expect(await queuedCount()).toBe(0);
    console.log(
      JSON.stringify({ xapi_two_forwarders: { statements: 2000, sent: reports.map((r) => r.sent) } }),
    );
  }, 120_000);
});
