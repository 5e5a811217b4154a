// npm run bench:submit — knowledge-check submissions from 50 distinct learners at once for a
// bounded time; then counts what the database stored. Last line: one JSON object.
import { randomUUID } from "node:crypto";
import { createClient } from "@libsql/client";
import { hashPassword } from "@/lib/auth/password";
import { fileCatalog } from "@/lib/content/catalog";
import { load, percentile, request, round, signIn, startServer, stopServer } from "./harness";

const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const LEARNERS = 50;
const DB = "file:./data/bench-submit.db";
const SLUG = "basic-skills";

const server = await startServer(DB);
try {
  // Fifty extra learners of our own, so every connection submits as a different person.
  const db = createClient({ url: DB });
  const hash = await hashPassword("Bench@2026!");
  const branch = (await db.execute("select id from branches where id = 'br-east-jingan'")).rows[0]?.id;
  const employeeNos = Array.from({ length: LEARNERS }, (_, i) => `B${String(i + 1).padStart(4, "0")}`);
  await db.batch(
    employeeNos.map((no) => ({
      sql: `insert into users (id, employee_no, name, role, branch_id, hire_date, active, locale, password_hash, session_version)
            values (?, ?, ?, 'learner', ?, '2026-11-01', 1, 'zh-CN', ?, 1) on conflict do nothing`,
      args: [randomUUID(), no, `压测学员${no}`, branch as string, hash],
    })),
    "write",
  );
  const cookies = await Promise.all(employeeNos.map((no) => signIn(no, "Bench@2026!")));

  const entry = fileCatalog().findChapter(SLUG, "zh-CN");
  if (!entry?.result.ok) throw new Error("chapter does not compile");
  const questions = entry.result.chapter.questions;
  // Varied answers: each learner gets some questions right and some wrong.
  const answersFor = (w: number, i: number) =>
    Object.fromEntries(
      questions.map((q, k) => {
        const right = (w + i + k) % 3 !== 0;
        const picks = q.options.filter((o) => o.correct === right).map((o) => o.id);
        return [q.id, q.type === "multiple" ? picks.slice(0, Math.max(1, picks.length)) : picks.slice(0, 1)];
      }),
    );

  const results = await load(LEARNERS, SECONDS, (w, i) =>
    request(`/api/learn/${SLUG}/attempts`, {
      method: "POST",
      cookie: cookies[w],
      body: JSON.stringify({ attemptId: randomUUID(), answers: answersFor(w, i) }),
    }),
  );
  const ok = results.filter((r) => r.status === 200);
  const stored = Number(
    (
      await db.execute(
        "select count(*) as n from check_attempts a join users u on u.id = a.user_id where u.employee_no like 'B%'",
      )
    ).rows[0]?.n,
  );
  db.close();
  const totals = results.map((r) => r.total);
  console.log(
    `${results.length} submissions from ${LEARNERS} learners in ${SECONDS}s; statuses: ${[...new Set(results.map((r) => r.status))].join(",")}`,
  );
  console.log(
    JSON.stringify({
      submits: ok.length,
      rps: round(ok.length / SECONDS),
      p50_ms: round(percentile(totals, 50)),
      p99_ms: round(percentile(totals, 99)),
      errors: results.length - ok.length,
      stored,
    }),
  );
} finally {
  stopServer(server);
}
