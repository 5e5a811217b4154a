// npm run bench:reports — the manager reports against the large bank (npm run db:seed:large first,
// and npm run build). Measures the admin's whole-bank overview, people-list pages, a 10,000-row CSV
// export, the item statistics page of every chapter (/reports/items, the whole bank and a manager's
// subtree) and the same overview SQL run bare through @libsql/client. Last line: one JSON object.
// BENCH_CONNECTIONS (1) report requests run at once; BENCH_WRITES=1 adds a submission load for the
// whole measurement: BENCH_WRITERS (8) learners of the large bank answering a knowledge check back
// to back, as bench:submit does (scripts/bench/submit-driver.ts); writes_rps is what they achieved.
import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { createClient } from "@libsql/client";
import { overviewStatements } from "@/db/queries/report-overview-sql";
import { overviewParams } from "@/db/queries/reports";
import { hashPassword } from "@/lib/auth/password";
import { ageAttempts } from "./age-attempts";
import {
  groupCpuSeconds,
  load,
  percentile,
  request,
  round,
  signIn,
  startServer,
  stopServer,
  type Timing,
} from "./harness";
import { appSubmission } from "./submit-driver";

const DB = process.env.BENCH_DB ?? "file:./data/large.db";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
// One connection measures what a manager waits for; raise it to see queueing under load.
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 1);
const WRITES = process.env.BENCH_WRITES === "1";
const WRITERS = WRITES ? Number(process.env.BENCH_WRITERS ?? 8) : 0;

if (!existsSync(DB.replace(/^file:/, ""))) {
  console.error(`${DB} is missing: run npm run db:seed:large -- --employees 10000 first`);
  process.exit(1);
}

const client = createClient({ url: DB, timeout: 5000 });
const count = async (table: string) =>
  Number((await client.execute(`select count(*) from ${table}`)).rows[0]?.[0]);
const employees = await count("users where employee_no like 'L%'");
const attempts = (await count("check_attempts")) + (await count("scenario_attempts"));

/** Median of the bare overview SQL, one batch per run, as the report itself sends it. */
async function rawOverview(runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await client.batch(overviewStatements(overviewParams("/", new Date())), "read");
    times.push(performance.now() - start);
  }
  return percentile(times, 50);
}

/**
 * The whole-bank reader: a manager of our own at the head office (the root branch), whose scope is
 * the whole bank as the admin's is. Admins must pass a TOTP step after the password (等保), which a
 * bench cannot; managers only when an admin requires it.
 */
async function headOfficeManager(): Promise<string> {
  const password = "Bench@2026!";
  await client.execute({
    sql: `insert into users (id, employee_no, name, role, branch_id, hire_date, active, locale, password_hash, session_version)
      select ?, 'BENCHHQ', '压测总行经理', 'manager', id, '2026-01-01', 1, 'zh-CN', ?, 1
      from branches where parent_id is null order by path limit 1 on conflict do nothing`,
    args: [randomUUID(), await hashPassword(password)],
  });
  return signIn("BENCHHQ", password);
}

/** Learners of our own in the large bank, one per branch with learners, so every write moves some branch's totals. */
async function writers(): Promise<{ cookies: string[]; ids: string[] }> {
  const password = "Bench@2026!";
  const hash = await hashPassword(password);
  const branchIds = (
    await client.execute(`select branch_id from users where role = 'learner' and active = 1
      group by branch_id order by count(*) desc limit ${WRITERS}`)
  ).rows.map((r) => String(r[0]));
  const numbers = Array.from({ length: WRITERS }, (_, i) => `BENCHW${String(i + 1).padStart(4, "0")}`);
  await client.batch(
    numbers.map((no, i) => ({
      sql: `insert into users (id, employee_no, name, role, branch_id, hire_date, active, locale, password_hash, session_version)
        values (?, ?, ?, 'learner', ?, '2026-01-01', 1, 'zh-CN', ?, 1) on conflict do nothing`,
      args: [randomUUID(), no, `压测学员${no}`, branchIds[i % branchIds.length] as string, hash],
    })),
    "write",
  );
  const cookies = await Promise.all(numbers.map((no) => signIn(no, password)));
  const ids = await client.execute({
    sql: "select id from users where employee_no in (select value from json_each(?))",
    args: [JSON.stringify(numbers)],
  });
  return { cookies, ids: ids.rows.map((r) => String(r.id)) };
}

/**
 * Submissions back to back from every writer until `stop` is called; then how they went. Their
 * attempts are aged as bench:submit's are, so the daily limit never refuses one.
 */
function writeLoad({ cookies, ids }: { cookies: string[]; ids: string[] }) {
  const submit = appSubmission();
  const stopAgeing = ageAttempts(DB, ids);
  const results: Timing[] = [];
  let running = true;
  const started = performance.now();
  const loops = cookies.map(async (cookie, w) => {
    for (let i = 0; running; i++) results.push(await submit(cookie, w, i));
  });
  return async () => {
    running = false;
    await Promise.all(loops);
    stopAgeing();
    const seconds = (performance.now() - started) / 1000;
    const ok = results.filter((r) => r.status === 200).length;
    return { rps: round(ok / seconds), errors: results.length - ok };
  };
}

const server = await startServer(DB, { fresh: false });
try {
  const admin = await headOfficeManager();
  const manager = await signIn("E3001");
  for (let i = 0; i < 3; i++) {
    await request("/api/reports/overview", { cookie: admin });
    await request("/reports/people", { cookie: admin });
    await request("/reports", { cookie: admin });
  }
  const check = await request("/api/reports/overview", { cookie: admin });
  const total = (JSON.parse(check.text) as { total: { headcount: number } }).total.headcount;
  const scoped = await request("/api/reports/overview", { cookie: manager });
  console.log(
    `overview: ${total} active learners bank-wide, ${(JSON.parse(scoped.text) as { total: { headcount: number } }).total.headcount} under E3001`,
  );

  const stopWrites = WRITES ? writeLoad(await writers()) : null;
  // Server CPU per request (with the writes' share when they run): steadier than latency on a busy machine.
  let cpu = groupCpuSeconds(server);
  const overview = await load(CONNECTIONS, SECONDS, () =>
    request("/api/reports/overview", { cookie: admin }),
  );
  const overviewCpu = (groupCpuSeconds(server) - cpu) / overview.length;
  const okOverview = overview.filter((r) => r.status === 200).map((r) => r.total);
  cpu = groupCpuSeconds(server);
  const people = await load(CONNECTIONS, SECONDS, (w, i) =>
    request(`/reports/people?page=${1 + ((w * 37 + i * 11) % 150)}`, { cookie: admin }),
  );
  const peopleCpu = (groupCpuSeconds(server) - cpu) / people.length;
  const okPeople = people.filter((r) => r.status === 200).map((r) => r.total);
  const pages: number[] = [];
  for (let i = 0; i < 5; i++) pages.push((await request("/reports", { cookie: admin })).total);

  // Item statistics: each chapter's page (the pool's facility, discrimination, draws and option shares).
  const slugs = (
    await client.execute("select distinct slug from content_revisions where kind = 'chapter' order by slug")
  ).rows.map((r) => String(r.slug));
  for (const slug of slugs) await request(`/reports/items?item=chapter:${slug}`, { cookie: admin });
  const itemTimes: number[] = [];
  const itemStatuses = new Set<number>();
  for (let round = 0; round < 3; round++)
    for (const slug of slugs)
      for (const cookie of [admin, manager]) {
        const r = await request(`/reports/items?item=chapter:${slug}`, { cookie });
        itemStatuses.add(r.status);
        itemTimes.push(r.total);
      }

  const csvStart = performance.now();
  const csv = await request("/reports/export/people.csv", { cookie: admin });
  const csvMs = performance.now() - csvStart;
  const csvRows = csv.text.split("\r\n").filter(Boolean).length - 1;

  const writes = await stopWrites?.();
  const raw = await rawOverview(20);
  const overviewP50 = percentile(okOverview, 50);
  console.log(
    `${okOverview.length} overviews and ${okPeople.length} people pages at ${CONNECTIONS} connections; ` +
      `${overview.length - okOverview.length + people.length - okPeople.length} non-200; ` +
      `overview page (HTML) p50 ${round(percentile(pages, 50))} ms; CSV ${csvRows} rows, status ${csv.status}; ` +
      `${itemTimes.length} item statistics pages, statuses ${[...itemStatuses].join(",")}` +
      (writes ? `; ${WRITERS} writers: ${writes.rps} submissions/s, ${writes.errors} errors` : ""),
  );
  console.log(
    `server CPU per request${writes ? " (writes included)" : ""}: overview ${round(overviewCpu * 1000, 2)} ms, ` +
      `people page ${round(peopleCpu * 1000, 2)} ms`,
  );
  console.log(
    JSON.stringify({
      employees,
      attempts,
      overview_p50_ms: round(overviewP50),
      overview_p95_ms: round(percentile(okOverview, 95)),
      people_page_p95_ms: round(percentile(okPeople, 95)),
      csv_10k_ms: round(csvMs),
      raw_sql_overview_ms: round(raw),
      items_ms: round(percentile(itemTimes, 50)),
      items_p95_ms: round(percentile(itemTimes, 95)),
      endpoint_over_raw: round(overviewP50 / raw, 2),
      connections: CONNECTIONS,
      writes_rps: writes?.rps ?? 0,
    }),
  );
} finally {
  stopServer(server);
  client.close();
}
