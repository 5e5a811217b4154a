// How the server behaves as a bank runs it: bound to any address, draining on SIGTERM, backed up
// while it serves, logging one JSON line per request, and started by `npm run demo` without
// leaving anything behind.  npm run e2e:ops
import { spawn } from "node:child_process";
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import { expect, test } from "@playwright/test";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import {
  ROOT,
  runScript,
  seededDatabase,
  signIn,
  signInWithSecondStep,
  startServer,
  submissionLoad,
  WORK,
} from "./servers";

const PORT = Number(process.env.OPS_PORT ?? 3185);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function storedAttempts(db: string, ids: string[]) {
  const client = createClient({ url: db });
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await client.execute({
      sql: `select id from check_attempts where id in (${chunk.map(() => "?").join(",")})`,
      args: chunk,
    });
    for (const r of rows.rows) found.add(String(r.id));
  }
  client.close();
  return found;
}

async function attemptsOf(db: string, employeeNos: string[]) {
  const client = createClient({ url: db });
  const r = await client.execute({
    sql: `select count(*) as n from check_attempts a join users u on u.id = a.user_id
          where u.employee_no in (${employeeNos.map(() => "?").join(",")})`,
    args: employeeNos,
  });
  client.close();
  return Number(r.rows[0]?.n);
}

const learners = Array.from({ length: 10 }, (_, i) => `E${1002 + i}`);

/** Waits until the load has had `n` answers, so a signal or a backup lands in the middle of it. */
async function answers(load: ReturnType<typeof submissionLoad>, n: number) {
  for (let i = 0; load.results.filter((r) => r.status === 200).length < n; i++) {
    expect(i, "the load made no progress").toBeLessThan(600);
    await sleep(100);
  }
}

test.describe.configure({ mode: "serial" });

test("every kind of page answers however the server is bound", async ({ browser }) => {
  test.setTimeout(180_000);
  const db = await seededDatabase("bound");
  // Trainers and admins pass a second step after the password (computed in the browser, see
  // e2e/support/second-factor.ts): signed in once, on the first address; the session holds on all.
  let trainer: string | undefined;
  let admin: string | undefined;
  for (const host of ["127.0.0.1", "::1", "0.0.0.0", "localhost"]) {
    const server = await startServer({ port: PORT, host, db });
    const get = (p: string, cookie?: string) =>
      fetch(`${server.url}${p}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
    const expectStatus = async (p: string, status: number, cookie?: string) => {
      const r = await get(p, cookie);
      // Read the body: an unread streamed page is a request the server cannot finish, and the
      // drain at the end of each address would wait for it.
      await r.arrayBuffer();
      expect(r.status, `${host} ${p}`).toBe(status);
      return r;
    };
    // Signed out: the sign-in page, and a relative redirect to it (never to a host Next made up).
    await expectStatus("/login", 200);
    expect((await expectStatus("/learn", 307)).headers.get("location"), host).toBe("/login");

    const learner = await signIn(server.url, "E1001");
    for (const p of ["/", "/learn", "/practice", "/practice/greeting", "/me/certificates", "/verify"]) {
      await expectStatus(p, 200, learner);
    }
    await expectStatus("/verify/ZZZZZZZZZZZZ", 404, learner); // an unknown code
    await expectStatus("/learn/basic-skills", 200, learner);
    const cached = await expectStatus("/learn/basic-skills", 200, learner);
    expect(cached.headers.get("x-nextjs-cache"), `${host}: the chapter page is served from the cache`).toBe(
      "HIT",
    );
    await expectStatus("/api/learn/basic-skills/me", 200, learner);
    await expectStatus("/reports", 403, learner);
    await expectStatus("/no/such/page", 404, learner);
    expect((await expectStatus("/en/learn", 307, learner)).headers.get("location")).toBe("/learn");
    const english = await (await get("/learn", `${learner}; NEXT_LOCALE=en`)).text();
    expect(english).toContain('<html lang="en"');

    trainer ??= await signInWithSecondStep(browser, server.url, "E2001");
    for (const p of ["/author", "/author/reviews", "/author/chapter/basic-skills"])
      await expectStatus(p, 200, trainer);
    await expectStatus("/learn/basic-skills", 403, trainer); // the prerendered page, refused by proxy.ts

    const manager = await signIn(server.url, "E3001");
    for (const p of [
      "/reports",
      "/reports/people",
      "/reports/items",
      "/reports/assign",
      "/reports/export/people.csv",
    ]) {
      await expectStatus(p, 200, manager);
    }
    // A client-side navigation that changes only the query must be told the query it rendered.
    const rsc = await fetch(`${server.url}/reports/people?q=E1002`, {
      headers: { cookie: manager, rsc: "1" },
    });
    await rsc.arrayBuffer();
    expect(rsc.status).toBe(200);
    expect(rsc.headers.get("x-nextjs-rewritten-path")).toBe("/zh-CN/reports/people");
    expect(rsc.headers.get("x-nextjs-rewritten-query")).toBeNull();
    admin ??= await signInWithSecondStep(browser, server.url, "E9001");
    for (const p of [
      "/admin",
      "/admin/users",
      "/admin/users/import",
      "/admin/audit",
      "/admin/branches",
      "/admin/certificates",
    ]) {
      await expectStatus(p, 200, admin);
    }
    expect(
      server.logs.filter((l) => l.level === "error"),
      host,
    ).toEqual([]);
    expect((await server.stop()).code).toBe(0);
  }
});

test("on SIGTERM in the middle of submissions the server finishes them, stores every 200 and exits", async () => {
  test.setTimeout(120_000);
  const db = await seededDatabase("drain");
  const baseline = await attemptsOf(db, learners);
  const server = await startServer({ port: PORT, db });
  const cookies = await Promise.all(learners.map((no) => signIn(server.url, no)));
  const load = submissionLoad(server.url, cookies);
  await answers(load, 3 * learners.length);
  const stopping = server.stop();
  const results = await load.stop();
  const { code, ms } = await stopping;

  const answered = results.filter((r) => r.status === 200).map((r) => r.attemptId);
  const drained = server.logs.find((l) => l.msg === "stopped");
  console.log(
    JSON.stringify({
      drain_ms: Math.round(ms),
      in_flight: drained?.inFlight,
      answered: answered.length,
      refused: results.length - answered.length,
    }),
  );
  expect(code).toBe(0);
  expect(ms).toBeLessThan(10_000);
  expect(drained).toMatchObject({ finished: true });
  expect(drained?.inFlight).toBeGreaterThan(0);
  expect(results.every((r) => r.status === 200 || r.status === "refused")).toBe(true);
  // Every answered attempt is stored, and nothing else: no request was cut off half-way.
  expect((await storedAttempts(db, answered)).size).toBe(answered.length);
  expect(await attemptsOf(db, learners)).toBe(baseline + answered.length);
  // One log line per request, the last ones included.
  const lines = server.logs.filter((l) => l.msg === "request" && l.route === "/api/learn/[slug]/attempts");
  expect(lines).toHaveLength(answered.length);
  runScript("scripts/db-check.ts", ["--db", db]);
});

test("a backup taken during submissions holds every attempt answered before it, passes db:check and restores", async () => {
  test.setTimeout(120_000);
  const db = await seededDatabase("backup");
  const file = db.slice("file:".length);
  const backup = path.join(WORK, "backup-copy.db");
  rmSync(backup, { force: true });
  const server = await startServer({ port: PORT, db });
  const cookies = await Promise.all(learners.map((no) => signIn(server.url, no)));
  const load = submissionLoad(server.url, cookies);
  await answers(load, 2 * learners.length);
  const before = load.results.filter((r) => r.status === 200).map((r) => r.attemptId);
  const out = runScript("scripts/db-backup.ts", ["--out", backup, "--db", db]);
  await answers(load, before.length + 2 * learners.length);
  const results = await load.stop();
  expect((await server.stop()).code).toBe(0);
  console.log(out.stdout.trim().split("\n").at(-1));

  expect(results.filter((r) => r.status === 200).length).toBeGreaterThan(before.length);
  expect((await storedAttempts(`file:${backup}`, before)).size).toBe(before.length);
  runScript("scripts/db-check.ts", ["--db", `file:${backup}`]);

  // The restore drill of README "Deploying": stop the app, put the copy in place, start it.
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  copyFileSync(backup, file);
  const restored = await startServer({ port: PORT, db });
  const client = createClient({ url: db });
  const latest = await client.execute({
    sql: `select u.employee_no, a.id from check_attempts a join users u on u.id = a.user_id
          where a.user_id = (select user_id from check_attempts where id = ?) and a.module_slug = 'basic-skills'
          order by a.created_at desc, a.id desc limit 1`,
    args: [before[0] as string],
  });
  client.close();
  const [employeeNo, attemptId] = [String(latest.rows[0]?.employee_no), String(latest.rows[0]?.id)];
  const cookie = await signIn(restored.url, employeeNo);
  const me = await (await fetch(`${restored.url}/api/learn/basic-skills/me`, { headers: { cookie } })).json();
  expect(me.attempts[0]?.id).toBe(attemptId);
  expect((await restored.stop()).code).toBe(0);
  runScript("scripts/db-check.ts", ["--db", db]);
});

test("one JSON line per request with its id, route, status, time and user; errors keep their stack in the log", async () => {
  const db = await seededDatabase("logs");
  const server = await startServer({ port: PORT, db });
  const cookie = await signIn(server.url, "E1001");
  const response = await fetch(`${server.url}/verify/abcd-efgh-2345?x=1`, { headers: { cookie } });
  const id = response.headers.get("x-request-id");
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  await sleep(200);
  const line = server.logs.find((l) => l.requestId === id && l.msg === "request");
  const client = createClient({ url: db });
  const user = await client.execute("select id from users where employee_no = 'E1001'");
  client.close();
  expect(line).toMatchObject({
    level: "info",
    method: "GET",
    route: "/[locale]/verify/[code]", // the route, never the code or the query
    status: 404, // no such certificate
    userId: user.rows[0]?.id,
  });
  expect(typeof line?.ms).toBe("number");
  expect(typeof line?.time).toBe("string");
  expect((await server.stop()).code).toBe(0);

  // No database behind it: alive, not ready, and only warnings and errors logged at LOG_LEVEL=warn.
  const orphan = await startServer({ port: PORT, db: "http://127.0.0.1:3199", env: { LOG_LEVEL: "warn" } });
  expect((await fetch(`${orphan.url}/api/health`)).status).toBe(200);
  const ready = await fetch(`${orphan.url}/api/ready`);
  expect(ready.status).toBe(503);
  const body = await ready.text();
  expect(JSON.parse(body)).toEqual({ status: "unavailable" });
  expect(body).not.toContain(" at ");
  await sleep(200);
  expect(orphan.logs.some((l) => l.level === "info")).toBe(false);
  const failure = orphan.logs.find((l) => l.msg?.startsWith("readiness check failed"));
  expect(String((failure?.error as { stack?: string })?.stack)).toMatch(/\n\s+at /);
  expect(orphan.logs.find((l) => l.msg === "request" && l.route === "/api/ready")).toMatchObject({
    level: "error",
    status: 503,
    requestId: failure?.requestId,
  });
  expect((await orphan.stop()).code).toBe(0);
});

test("the certificate's QR code and printed link use APP_URL, not the address the PDF was asked at", async () => {
  const db = await seededDatabase("links");
  const server = await startServer({ port: PORT, db, env: { APP_URL: "https://training.bank.test" } });
  const client = createClient({ url: db });
  const found = await client.execute(`select c.id, c.code, u.employee_no from certificates c
    join users u on u.id = c.user_id where c.revoked_at is null limit 1`);
  client.close();
  const [id, code, employeeNo] = ["id", "code", "employee_no"].map((k) => String(found.rows[0]?.[k]));
  const cookie = await signIn(server.url, employeeNo as string);
  const response = await fetch(`${server.url}/certificates/${id}/pdf`, { headers: { cookie } });
  expect(response.headers.get("content-type")).toBe("application/pdf");
  const pdf = await getDocument({ data: new Uint8Array(await response.arrayBuffer()), disableFontFace: true })
    .promise;
  const text = (await (await pdf.getPage(1)).getTextContent()).items
    .map((i) => ("str" in i ? i.str : ""))
    .join("");
  expect(text).toContain(`https://training.bank.test/verify/${code}`);
  expect(text).not.toContain("127.0.0.1");
  expect((await server.stop()).code).toBe(0);
});

test("without a trusted proxy, X-Forwarded-For is ignored and the socket address is limited", async () => {
  const db = await seededDatabase("direct");
  const server = await startServer({ port: PORT, db, env: { TRUSTED_PROXIES: "" } });
  const limited: boolean[] = [];
  for (let i = 0; i < 31; i++) {
    const r = await fetch(`${server.url}/verify/ZZZZZZZZZZZZ`, {
      headers: { "x-forwarded-for": `203.0.113.${i + 1}` },
    });
    limited.push((await r.text()).includes("查询过于频繁"));
  }
  expect(limited.slice(0, 30).every((l) => !l)).toBe(true);
  expect(limited[30]).toBe(true);
  expect((await server.stop()).code).toBe(0);
});

test("npm run demo passes SIGTERM on: nothing is left running or listening", async () => {
  test.setTimeout(120_000);
  const port = PORT + 1;
  const demo = spawn("npm", ["run", "demo", "--", "--no-build"], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATABASE_URL: `file:${path.join(WORK, "demo.db")}` },
    stdio: "ignore",
    detached: true, // its own process group, to see that every member is gone afterwards
  });
  const group = demo.pid as number;
  for (
    let i = 0;
    !(await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    ));
    i++
  ) {
    expect(i, "the demo did not start").toBeLessThan(300);
    await sleep(300);
  }
  const started = performance.now();
  process.kill(group, "SIGTERM"); // the npm process only, as a service manager or a terminal would
  const alive = () => {
    try {
      process.kill(-group, 0);
      return true;
    } catch {
      return false;
    }
  };
  while (alive()) {
    expect(performance.now() - started, "processes of the demo still running").toBeLessThan(15_000);
    await sleep(100);
  }
  console.log(JSON.stringify({ demo_stop_ms: Math.round(performance.now() - started) }));
  expect(
    await fetch(`http://127.0.0.1:${port}/api/health`).then(
      () => "listening",
      () => "closed",
    ),
  ).toBe("closed");
});
