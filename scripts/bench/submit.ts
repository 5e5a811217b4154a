// npm run bench:submit — knowledge checks taken by 50 distinct learners at once, against the floors,
// in one run (npm run build first). A check is the page's two requests: start (the server draws the
// questions) and submit (scored and stored in one batch). The timed request, rps, p50 and p99, is
// the submit; each start is timed too and reported apart (start_p50_ms, start_p99_ms). Each load
// runs BENCH_SECONDS (15) at 50 concurrent, after an untimed warm-up:
//   1. the app (production server), the 50 learners in a branch of 50 active learners: rps, p50,
//      p99, errors, and how many attempts the database stored;
//   2. the app again with the same learners in branches of 1,000 and 5,000 active learners (the
//      others with a result in every chapter): branch_sweep;
//   3. floor_rps: the same two use cases behind a bare node:http server (scripts/bench/floor-server.ts);
//   4. raw_insert_rps: one durable INSERT per request behind that same server.
// The policy allows 3 attempts of a chapter a day; so that 50 learners can go on for minutes, the
// bench moves their closed attempts a day back every second (age-attempts.ts).
// The servers run one after the other on the same database file. Last line: one JSON object.
// BENCH_URL=… BENCH_DB=file:… measures the app already running there (e.g. nginx in front of two
// instances) on the database it uses; the floors still run here, on that database.
// BENCH_CPU_PROF=<dir> profiles the app's processes (scripts/bench/cpu-prof.mjs; written when it stops).

import type { ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { type Client, createClient } from "@libsql/client";
import { hashPassword } from "@/lib/auth/password";
import { ageAttempts } from "./age-attempts";
import {
  exited,
  groupCpuSeconds,
  load,
  PORT,
  percentile,
  request,
  round,
  signInAll,
  startProcess,
  startServer,
  stopServer,
} from "./harness";
import { chapters, slugOf, type Taken, takeCheck, takeFloorCheck } from "./submit-driver";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const LEARNERS = 50;
/** Seconds of load before each server's first measurement, so it is measured warm (JIT, caches). */
const WARM_UP = 3;
const SWEEP = [50, 1000, 5000] as const;
const DB = process.env.BENCH_DB ?? "file:./data/bench-submit.db";
const FLOOR = `http://127.0.0.1:${PORT}`;
const PASSWORD = "Bench@2026!";

// Opened once the app's start (with --fresh) has deleted and recreated the database file.
let db: Client;
const count = async (sql: string, args: string[] = []) =>
  Number((await db.execute({ sql, args })).rows[0]?.[0] ?? 0);

/**
 * A branch per sweep size under the head office. The bench learners are added to it; the rest are
 * filler learners who each answered every chapter once (attempt and summary row), so anything whose
 * cost grows with the branch has something to grow with.
 */
async function sweepBranches() {
  const slugs = chapters.map((c) => c.meta.slug);
  for (const size of SWEEP) {
    const branch = `bench-${size}`;
    const made = await db.execute({
      sql: `insert into branches (id, code, name, name_en, parent_id, path)
        select ?, ?, ?, ?, id, path || ? || '/' from branches where parent_id is null limit 1
        on conflict do nothing`,
      args: [branch, branch.toUpperCase(), `压测网点${size}`, `Bench ${size}`, branch],
    });
    const fillers = size - LEARNERS;
    if (fillers === 0 || made.rowsAffected === 0) continue;
    await db.batch(
      [
        {
          sql: `with recursive n(i) as (select 1 union all select i + 1 from n where i < ?)
            insert into users (id, employee_no, name, role, branch_id, hire_date, active, locale, session_version)
            select ? || i, ? || i, '填充学员' || i, 'learner', ?, '2026-01-01', 1, 'zh-CN', 1 from n`,
          args: [fillers, `${branch}-`, `F${size}-`, branch],
        },
        {
          sql: `insert into check_attempts (id, user_id, module_slug, content_version, locale, answers,
              score, max_score, percent, passed, created_at)
            select u.id || ':' || c.value, u.id, c.value, 'bench', 'zh-CN', '{}', p.percent, 100, p.percent,
              p.percent >= 80, unixepoch()
            from users u cross join json_each(?) c
              cross join (select abs(random()) % 101 as percent) p
            where u.branch_id = ?`,
          args: [JSON.stringify(slugs), branch],
        },
        {
          sql: `insert into learner_item_stats (user_id, item_type, item_slug, passed, best_percent, attempts, relearn)
            select a.user_id, 'chapter', a.module_slug, a.passed, a.percent, 1, 0
            from check_attempts a join users u on u.id = a.user_id where u.branch_id = ?`,
          args: [branch],
        },
      ],
      "write",
    );
  }
}

/** Moves the bench learners into the sweep branch of this size (the app's own triggers move their totals). */
async function seat(ids: string[], size: number) {
  await db.execute({
    sql: `update users set branch_id = ? where id in (select value from json_each(?))`,
    args: [`bench-${size}`, JSON.stringify(ids)],
  });
  const active = await count(
    `select count(*) from users where branch_id = ? and role = 'learner' and active = 1`,
    [`bench-${size}`],
  );
  if (active !== size) throw new Error(`branch bench-${size} has ${active} active learners`);
}

/** One load's figures (the submits); `cpu` is the server's CPU seconds during it. */
const summary = (taken: Taken[], cpu: number) => {
  const submits = taken.map((t) => t.submit ?? { ...t.start, total: Number.NaN });
  const ok = submits.filter((r) => r.status === 200);
  const starts = taken.filter((t) => t.start.status === 200).map((t) => t.start.total);
  return {
    ok: ok.length,
    errors: submits.length - ok.length,
    rps: round(ok.length / SECONDS),
    p50: round(
      percentile(
        ok.map((r) => r.total),
        50,
      ),
    ),
    p99: round(
      percentile(
        ok.map((r) => r.total),
        99,
      ),
    ),
    start_p50: round(percentile(starts, 50)),
    start_p99: round(percentile(starts, 99)),
    cpu_ms_per_check: round((cpu * 1000) / Math.max(1, taken.length), 2),
    statuses: [...new Set(submits.map((r) => r.status))].join(","),
  };
};

/** Runs `task` at 50 concurrent for SECONDS against `server`, with its CPU use. */
async function measure(server: ChildProcess | null, task: (w: number, i: number) => Promise<Taken>) {
  const cpu = groupCpuSeconds(server);
  const results = await load(LEARNERS, SECONDS, task);
  // A server this bench did not start (BENCH_URL): its CPU is not known here (null in the JSON).
  return summary(results, server ? groupCpuSeconds(server) - cpu : Number.NaN);
}

/**
 * Untimed: one check of every chapter first, so whatever a server builds on first use (the content
 * catalog: seconds on a busy machine) is built before the clock runs; then WARM_UP seconds of load.
 */
async function warmUp(task: (w: number, i: number) => Promise<Taken>) {
  for (let i = 0; i < chapters.length; i++) await task(0, i);
  await load(LEARNERS, WARM_UP, async (w, i) => (await task(w, i)).start);
}

const stored = () =>
  count(
    `select count(*) from check_attempts a join users u on u.id = a.user_id where u.employee_no like 'BENCH%'`,
  );

const cpuProf = process.env.BENCH_CPU_PROF;
let server = await startServer(
  DB,
  cpuProf ? { nodeOptions: `--import ${new URL("./cpu-prof.mjs", import.meta.url).pathname}` } : {},
);
db = createClient({ url: DB, timeout: 5000 });
const app: Record<number, ReturnType<typeof summary>> = {};
let storedByApp = 0;
let learners: { id: string; employeeNo: string }[] = [];
let stopAgeing = () => {};
try {
  const synchronous = await count("pragma synchronous");
  await sweepBranches();
  // Fifty learners of our own, so every connection submits as a different person.
  const hash = await hashPassword(PASSWORD);
  const employeeNos = Array.from({ length: LEARNERS }, (_, i) => `BENCH${String(i + 1).padStart(4, "0")}`);
  await db.batch(
    employeeNos.map((no) => ({
      sql: `insert into users (id, employee_no, name, role, branch_id, hire_date, active, locale, password_hash, session_version)
            values (?, ?, ?, 'learner', 'bench-50', '2026-11-01', 1, 'zh-CN', ?, 1) on conflict do nothing`,
      args: [randomUUID(), no, `压测学员${no}`, hash],
    })),
    "write",
  );
  const rows = (await db.execute("select id, employee_no from users where employee_no like 'BENCH%'")).rows;
  const idOf = new Map(rows.map((r) => [String(r.employee_no), String(r.id)]));
  learners = employeeNos.map((no) => ({ id: idOf.get(no) as string, employeeNo: no }));
  const ids = learners.map((l) => l.id);
  await seat(ids, 50);
  const cookies = await signInAll(employeeNos, PASSWORD);
  stopAgeing = ageAttempts(DB, ids);
  // Each worker's checks go through the chapters in turn, one in three with a miss (still a pass).
  const appCheck = (w: number, i: number) =>
    takeCheck(cookies[w] as string, slugOf(w + i), (w + i) % 3 === 0);
  await warmUp(appCheck); // not counted

  for (const size of SWEEP) {
    await seat(ids, size);
    const before = await stored();
    app[size] = await measure(server, appCheck);
    if (size === 50) storedByApp = (await stored()) - before;
    console.log(`app, branch of ${size}: ${JSON.stringify(app[size])}`);
  }
  await seat(ids, 50);
  console.log(`synchronous=${["OFF", "NORMAL", "FULL", "EXTRA"][synchronous]}`);
} finally {
  stopServer(server);
  await exited(server);
}

// The floors: the same process conditions (NODE_ENV=production, one Node process, the same client).
// (AUTH_SECRET: the one serve.mjs gave the app, from .auth-secret when the environment has none.)
const floorEnv = {
  ...process.env,
  NODE_ENV: "production" as const,
  DATABASE_URL: DB,
  APP_URL: FLOOR,
  AUTH_SECRET: process.env.AUTH_SECRET ?? readFileSync(".auth-secret", "utf8").trim(),
};
server = await startProcess(
  "npx",
  ["tsx", "--conditions=react-server", "scripts/bench/floor-server.ts", String(PORT)],
  { env: floorEnv, base: FLOOR },
);
let floor: ReturnType<typeof summary>;
let raw: ReturnType<typeof summary>;
try {
  const floorCheck = (w: number, i: number) =>
    takeFloorCheck(
      FLOOR,
      learners[w] as { id: string; employeeNo: string },
      slugOf(w + i),
      (w + i) % 3 === 0,
    );
  await warmUp(floorCheck);
  floor = await measure(server, floorCheck);
  console.log(`floor (use cases behind node:http): ${JSON.stringify(floor)}`);
  // The same body a floor submit carries, one durable row per request; timed like a submit.
  const body = (w: number) => JSON.stringify({ user: learners[w], slug: slugOf(w), attemptId: randomUUID() });
  raw = await measure(server, async (w) => {
    const insert = await request(`${FLOOR}/insert`, { method: "POST", body: body(w) });
    return { start: { ...insert, total: 0 }, submit: insert };
  });
  console.log(`raw insert behind node:http: ${JSON.stringify(raw)}`);
} finally {
  stopAgeing();
  stopServer(server);
  await exited(server);
  db.close();
}

const main = app[50] as ReturnType<typeof summary>;
console.log(
  JSON.stringify({
    submits: main.ok,
    rps: main.rps,
    p50_ms: main.p50,
    p99_ms: main.p99,
    errors: SWEEP.reduce((n, s) => n + (app[s]?.errors ?? 0), 0) + floor.errors + raw.errors,
    stored: storedByApp,
    floor_rps: floor.rps,
    raw_insert_rps: raw.rps,
    branch_sweep: Object.fromEntries(SWEEP.map((s) => [String(s), app[s]?.rps ?? 0])),
    start_p50_ms: main.start_p50,
    start_p99_ms: main.start_p99,
    floor_p99_ms: floor.p99,
    cpu_ms_per_check: main.cpu_ms_per_check,
    floor_cpu_ms_per_check: floor.cpu_ms_per_check,
  }),
);
