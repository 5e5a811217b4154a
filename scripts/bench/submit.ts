// npm run bench:submit — knowledge checks taken by 50 learners at once for a bounded time, in the
// server-held flow: start an attempt (drawn on the server), then submit it; then counts what the
// database stored. The submit is the figure; the start is reported too. Last line: one JSON object.
import { randomUUID } from "node:crypto";
import { createClient } from "@libsql/client";
import { hashPassword } from "@/lib/auth/password";
import {
  load,
  percentile,
  request,
  round,
  signIn,
  signInAll,
  startServer,
  stopServer,
  type Timing,
} from "./harness";
import { chapters, takeCheck } from "./submit-driver";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WORKERS = 50;
/** Each worker takes turns as three learners: at 3 attempts a chapter a day, 63 attempts each. */
const PER_WORKER = 3;
const DB = "file:./data/bench-submit.db";

const ROUNDS = Math.min(...chapters.map((c) => c.meta.attemptsPerDay));

const server = await startServer(DB);
try {
  // Learners of our own, so every connection submits as a different person.
  const db = createClient({ url: DB });
  const hash = await hashPassword("Bench@2026!");
  const branch = (await db.execute("select id from branches where id = 'br-east-jingan'")).rows[0]?.id;
  const employeeNos = Array.from(
    { length: WORKERS * PER_WORKER },
    (_, i) => `B${String(i + 1).padStart(4, "0")}`,
  );
  await db.batch(
    employeeNos.map((no) => ({
      sql: `insert into users (id, employee_no, name, role, branch_id, hire_date, active, locale, password_hash, session_version)
            values (?, ?, ?, 'learner', ?, '2026-11-01', 1, 'zh-CN', ?, 1) on conflict do nothing`,
      args: [randomUUID(), no, `压测学员${no}`, branch as string, hash],
    })),
    "write",
  );
  const cookies = await signInAll(employeeNos, "Bench@2026!");
  // Warm-up, untimed: each route handler builds its copy of the catalog on its first request.
  await db.execute({
    sql: `insert into users (id, employee_no, name, role, branch_id, hire_date, active, locale, password_hash, session_version)
          values (?, 'W0001', '预热学员', 'learner', ?, '2026-11-01', 1, 'zh-CN', ?, 1) on conflict do nothing`,
    args: [randomUUID(), branch as string, hash],
  });
  const warm = await signIn("W0001", "Bench@2026!");
  for (const c of chapters) await takeCheck(warm, c.meta.slug, false);

  const starts: Timing[] = [];
  const perLearner = chapters.length * ROUNDS;
  const results = await load(WORKERS, SECONDS, async (w, i) => {
    const learner = Math.floor(i / perLearner);
    const cookie = cookies[w + WORKERS * Math.min(learner, PER_WORKER - 1)] as string;
    const slug = chapters[i % chapters.length]?.meta.slug as string;
    const taken = await takeCheck(cookie, slug, (w + i) % 3 === 0);
    starts.push(taken.start);
    return taken.submit ?? { ...taken.start, total: Number.NaN };
  });
  const ok = results.filter((r) => r.status === 200);
  const stored = Number(
    (
      await db.execute(
        "select count(*) as n from check_attempts a join users u on u.id = a.user_id where u.employee_no like 'B%'",
      )
    ).rows[0]?.n,
  );
  db.close();
  const totals = ok.map((r) => r.total);
  const startTotals = starts.filter((s) => s.status === 200).map((s) => s.total);
  console.log(
    `${results.length} checks (start + submit) by ${employeeNos.length} learners on ${WORKERS} connections in ${SECONDS}s; submit statuses: ${[...new Set(results.map((r) => r.status))].join(",")}`,
  );
  console.log(
    JSON.stringify({
      submits: ok.length,
      rps: round(ok.length / SECONDS),
      p50_ms: round(percentile(totals, 50)),
      p99_ms: round(percentile(totals, 99)),
      errors: results.length - ok.length,
      stored,
      start_p50_ms: round(percentile(startTotals, 50)),
      start_p99_ms: round(percentile(startTotals, 99)),
    }),
  );
} finally {
  stopServer(server);
}
