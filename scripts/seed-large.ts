// npm run db:seed:large -- --employees 10000 [--db file:./data/large.db] [--seed 42] [--today 2026-11-23]
// A deterministic bank for the report benchmark: the demo bank plus ~120 branches, N employees and
// about 50 attempts each (knowledge checks and played role-plays with competency scores),
// onboarding assignments and certificates. Same seed and day, same database.
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    employees: { type: "string", default: "10000" },
    db: { type: "string", default: process.env.DATABASE_URL ?? "file:./data/large.db" },
    seed: { type: "string", default: "42" },
    today: { type: "string" },
  },
});
process.env.DATABASE_URL = values.db;
const EMPLOYEES = Number(values.employees);
if (!Number.isInteger(EMPLOYEES) || EMPLOYEES < 1) throw new Error("--employees must be a positive integer");

const file = values.db.replace(/^file:/, "");
if (values.db.startsWith("file:")) for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });

const { db } = await import("../db/client");
const { runMigrations } = await import("../db/migrate");
const { catalogKeys, seedDemo } = await import("../db/seed");
const { rebuildItemStats } = await import("../db/queries/item-stats");
const { rebuildReportStats } = await import("../db/queries/report-stats");
const { fileCatalog } = await import("../lib/content/catalog");
const { start, apply, result } = await import("../lib/scenario/engine");
const { answersFrom, scoreKnowledgeCheck } = await import("../lib/training/score-check");
const { findCertification } = await import("../lib/certification/catalog");
const { examShares } = await import("../lib/certification/definition");
const { seedCheckAttempt, seedExamAttempt, seedReviews } = await import("../db/seed-assessment");
const { addCalendarDays, bankDate } = await import("../lib/training/assignment-status");
const { makeRandom, branchTree, personName } = await import("./seed-large-data");

const DAY = 86_400_000;
const today = values.today ?? bankDate(new Date());
const now = Date.parse(`${today}T04:00:00Z`); // noon in Beijing
const random = makeRandom(Number(values.seed));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;

await runMigrations(db, values.db);
await seedDemo(db, new Date(now));
const client = db.$client;
// Rows are buffered per table and flushed in any order; the keys are checked once at the end.
await client.execute("PRAGMA foreign_keys = OFF");

type Row = (string | number | null)[];
const pending = new Map<string, { columns: string; rows: Row[] }>();
let written = 0;
async function flush(table: string) {
  const p = pending.get(table);
  if (!p || p.rows.length === 0) return;
  const all = p.rows;
  p.rows = [];
  const width = (all[0] as Row).length;
  const statements = [];
  for (let i = 0; i < all.length; i += 400) {
    const rows = all.slice(i, i + 400);
    statements.push({
      sql: `insert into ${table} ${p.columns} values ${rows.map(() => `(${Array(width).fill("?").join(",")})`).join(",")}`,
      args: rows.flat(),
    });
  }
  await client.batch(statements, "write");
  written += all.length;
}
async function insert(table: string, columns: string, row: Row) {
  const p = pending.get(table) ?? { columns, rows: [] };
  pending.set(table, p);
  p.rows.push(row);
  if (p.rows.length >= 4000) await flush(table);
}

// Branches: 12 分行 under the head office, 8–10 支行 each; employees go to every 支行, demo ones included.
const branchRows = branchTree(random);
for (const b of branchRows)
  await insert("branches", "(id, code, name, name_en, parent_id, path)", [
    b.id,
    b.code,
    b.name,
    b.nameEn,
    b.parentId,
    b.path,
  ]);
await flush("branches");
const leaves = [
  ...branchRows.filter((b) => b.leaf).map((b) => b.id),
  ...[
    "br-east-jingan",
    "br-east-pudong",
    "br-east-xuhui",
    "br-south-tianhe",
    "br-south-futian",
    "br-south-nanshan",
  ],
];

const chapters = fileCatalog()
  .chapterSlugs()
  .map((slug) => {
    const entry = fileCatalog().findChapter(slug, "zh-CN");
    if (!entry?.result.ok) throw new Error(`chapter ${slug} does not compile`);
    return {
      slug,
      version: entry.result.chapter.version,
      meta: entry.result.chapter.meta,
      questions: entry.result.chapter.questions,
      chapter: entry.result.chapter,
    };
  });
const scenarios = fileCatalog()
  .scenarioSlugs()
  .map((slug) => {
    const s = fileCatalog().findScenario(slug, "zh-CN");
    if (!s) throw new Error(`scenario ${slug} is missing`);
    return s;
  });
const cert = findCertification("counter-service");
if (!cert?.exam) throw new Error("certification counter-service (with its exam) is missing");
const exam = cert.exam;
const bySlug = new Map(chapters.map((c) => [c.slug, c.chapter]));
/** Attempts since this day are server-held pool attempts; earlier ones the old fixed checks. */
const POOLS_SINCE = now - 90 * DAY;

const ATTEMPT_COLUMNS =
  "(id, user_id, kind, subject, locale, revisions, seed, items, pass_score, saved, saved_at, started_at, deadline_at, closed_at, close_reason, close_id, branch_id, score, max_score, percent, passed, results)";
const ms = (d: Date | null | undefined) => (d ? d.getTime() : null);
async function insertAttempt(a: import("../db/schema").NewAssessmentAttempt) {
  await insert("assessment_attempts", ATTEMPT_COLUMNS, [
    a.id ?? "",
    a.userId,
    a.kind,
    a.subject,
    a.locale,
    JSON.stringify(a.revisions),
    a.seed,
    JSON.stringify(a.items),
    a.passScore ?? null,
    JSON.stringify(a.saved),
    ms(a.savedAt),
    a.startedAt.getTime(),
    ms(a.deadlineAt),
    ms(a.closedAt),
    a.closeReason ?? null,
    a.closeId ?? null,
    a.branchId ?? null,
    a.score ?? null,
    a.maxScore ?? null,
    a.percent ?? null,
    a.passed === undefined || a.passed === null ? null : a.passed ? 1 : 0,
    a.results ? JSON.stringify(a.results) : null,
  ]);
}
async function insertCheck(c: import("../db/schema").NewCheckAttempt) {
  await insert(
    "check_attempts",
    "(id, user_id, module_slug, content_version, locale, answers, score, max_score, percent, passed, created_at)",
    [
      c.id,
      c.userId,
      c.moduleSlug,
      c.contentVersion,
      c.locale,
      JSON.stringify(c.answers),
      c.score,
      c.maxScore,
      c.percent,
      c.passed ? 1 : 0,
      Math.floor((c.createdAt?.getTime() ?? 0) / 1000),
    ],
  );
}
/** A passed (or failed) exam at `at`, as the exam's close stores it; its mistakes go to the queue. */
async function takeExam(
  userId: string,
  branchId: string,
  attemptId: string,
  at: number,
  pass: boolean,
  mistakes: { slug: string; questionId: string; at: Date }[],
) {
  const seeded = seedExamAttempt(
    { id: attemptId, userId, branchId },
    {
      certificationId: cert?.id ?? "",
      shares: examShares(cert as NonNullable<typeof cert>),
      chapters: bySlug,
      passScore: exam.passScore,
      timeLimitMinutes: exam.timeLimitMinutes,
      right: (i) => (pass ? i % 10 !== 3 : i % 3 !== 0),
      startedAt: new Date(at - 25 * 60_000),
      minutes: 24,
    },
  );
  await insertAttempt(seeded.attempt);
  for (const w of seeded.wrong) mistakes.push({ slug: w.slug, questionId: w.questionId, at: new Date(at) });
}

let attempts = 0;
for (let n = 1; n <= EMPLOYEES; n++) {
  const id = `lg-${String(n).padStart(6, "0")}`;
  const employeeNo = `L${String(n).padStart(6, "0")}`;
  const r = random();
  const role = r < 0.03 ? "manager" : r < 0.04 ? "trainer" : "learner";
  const active = random() < 0.97 ? 1 : 0;
  const hireDate = addCalendarDays(today, -Math.floor(20 + random() * 1000));
  const hiredAt = Date.parse(`${hireDate}T01:00:00Z`);
  const name = personName(random);
  const branchId = pick(leaves);
  await insert("users", "(id, employee_no, name, role, branch_id, hire_date, active)", [
    id,
    employeeNo,
    name,
    role,
    branchId,
    hireDate,
    active,
  ]);
  if (role !== "learner") continue;

  const due = addCalendarDays(hireDate, 30);
  const items = [
    ...chapters.map((c) => ["chapter", c.slug]),
    ...scenarios.map((s) => ["scenario", s.slug]),
    ["certification", cert.id],
  ];
  for (const [type, slug] of items) {
    await insert("assignments", "(id, user_id, item_type, item_slug, due_date, source)", [
      `${id}-as-${slug}`,
      id,
      type as string,
      slug as string,
      due,
      "onboarding",
    ]);
  }

  const skill = 0.45 + random() * 0.5;
  const span = Math.max(DAY, now - hiredAt);
  const when = () => hiredAt + Math.floor(random() * span);
  const firstPass = new Map<string, number>();
  const mistakes: { slug: string; questionId: string; at: Date }[] = [];
  for (const c of chapters) {
    const tries = Math.floor(random() * 11);
    const times = Array.from({ length: tries }, when).sort((a, b) => a - b);
    let avoid: string[] = [];
    for (let k = 0; k < tries; k++) {
      const at = times[k] as number;
      const p = Math.min(0.97, skill + k * 0.05);
      attempts++;
      const attemptId = `${id}-c-${c.slug}-${k}`;
      if (at >= POOLS_SINCE) {
        // Since the pools: a server-held attempt of 8 drawn questions, and its check_attempts row.
        const seeded = seedCheckAttempt(
          { id: attemptId, userId: id, branchId },
          {
            chapter: c.chapter,
            avoid,
            right: () => random() < p,
            startedAt: new Date(at - 6 * 60_000),
            closedAt: new Date(at),
          },
        );
        avoid = seeded.questionIds;
        await insertAttempt(seeded.attempt);
        await insertCheck(seeded.check);
        if (seeded.check.passed && !firstPass.has(`chapter:${c.slug}`))
          firstPass.set(`chapter:${c.slug}`, at);
        for (const w of seeded.wrong)
          mistakes.push({ slug: c.slug, questionId: w.questionId, at: new Date(at) });
        continue;
      }
      // Before the pools, every attempt answered the chapter's first eight questions (the old check).
      const answers: Record<string, string[]> = {};
      for (const q of c.questions.slice(0, 8)) {
        const right = q.options.filter((o) => o.correct).map((o) => o.id);
        const wrong = q.options.filter((o) => !o.correct).map((o) => o.id);
        answers[q.id] = random() < p || wrong.length === 0 ? right : [pick(wrong)];
      }
      const scored = scoreKnowledgeCheck(c.questions.slice(0, 8), answersFrom(answers), c.meta.passScore);
      if (scored.passed && !firstPass.has(`chapter:${c.slug}`)) firstPass.set(`chapter:${c.slug}`, at);
      await insertCheck({
        id: attemptId,
        userId: id,
        moduleSlug: c.slug,
        contentVersion: c.version,
        locale: "zh-CN",
        answers,
        score: scored.score,
        maxScore: scored.maxScore,
        percent: scored.percent,
        passed: scored.passed,
        createdAt: new Date(at),
      });
    }
  }
  for (const s of scenarios) {
    const tries = Math.floor(random() * 11);
    const times = Array.from({ length: tries }, when).sort((a, b) => a - b);
    for (let k = 0; k < tries; k++) {
      const at = times[k] as number;
      const p = Math.min(0.95, skill + k * 0.04);
      let state = start(s.scenario);
      const finish = random() < 0.95;
      while (!state.ended && (finish || random() < 0.7)) {
        const step = s.scenario.steps[state.stepId];
        if (!step || step.kind === "end") break;
        let answer: Parameters<typeof apply>[2];
        if (step.kind === "text")
          answer = { type: "text", text: random() < p ? step.modelAnswer : "好的，我帮您看一下。" };
        else {
          const ranked = [...step.choices].sort(
            (a, b) =>
              Object.values(b.points).reduce((x, y) => x + y, 0) -
              Object.values(a.points).reduce((x, y) => x + y, 0),
          );
          answer = { type: "choice", choiceId: (random() < p ? ranked[0] : pick(ranked))?.id as string };
        }
        const next = apply(s.scenario, state, answer);
        if ("error" in next) break;
        state = next.state;
      }
      const attemptId = `${id}-s-${s.slug}-${k}`;
      attempts++;
      if (!state.ended) {
        await insert(
          "scenario_attempts",
          "(id, user_id, scenario_slug, content_version, locale, state, step_started_at, status, score, max_score, percent, passed, outcome, created_at, completed_at)",
          [
            attemptId,
            id,
            s.slug,
            s.version,
            "zh-CN",
            JSON.stringify(state),
            at,
            "active",
            null,
            null,
            null,
            null,
            null,
            Math.floor(at / 1000),
            null,
          ],
        );
        continue;
      }
      const res = result(s.scenario, state);
      if (res.passed && !firstPass.has(`scenario:${s.slug}`)) firstPass.set(`scenario:${s.slug}`, at);
      const best = firstPass.get(`best:${s.slug}`) ?? 0;
      if (res.percent > best) firstPass.set(`best:${s.slug}`, res.percent);
      await insert(
        "scenario_attempts",
        "(id, user_id, scenario_slug, content_version, locale, state, step_started_at, status, score, max_score, percent, passed, outcome, created_at, completed_at)",
        [
          attemptId,
          id,
          s.slug,
          s.version,
          "zh-CN",
          JSON.stringify(state),
          at,
          "completed",
          res.score,
          res.max,
          res.percent,
          res.passed ? 1 : 0,
          res.outcome?.id ?? null,
          Math.floor(at / 1000),
          Math.floor(at / 1000),
        ],
      );
      for (const c of res.competencies) {
        await insert("scenario_scores", "(attempt_id, competency, score, max_score)", [
          attemptId,
          c.id,
          c.score,
          c.max,
        ]);
      }
    }
  }

  // Certified once every chapter is passed and every scenario's best reaches its minimum.
  const chaptersDone = cert.chapters.map((slug) => firstPass.get(`chapter:${slug}`));
  const scenariosDone = cert.scenarios.map((r) =>
    (firstPass.get(`best:${r.slug}`) ?? 0) >= r.minPercent ? firstPass.get(`scenario:${r.slug}`) : undefined,
  );
  const done = [...chaptersDone, ...scenariosDone];
  if (done.every((t) => t !== undefined)) {
    const ready = Math.max(...(done as number[]));
    // Since the pools, a certificate is earned by the exam, taken once the rest is done (some fail first).
    const failsFirst = ready >= POOLS_SINCE && random() < 0.3;
    if (failsFirst) await takeExam(id, branchId, `${id}-exam-0`, ready + 2 * 3_600_000, false, mistakes);
    const issuedAt =
      ready >= POOLS_SINCE
        ? Math.min(now - 60_000, ready + (failsFirst ? DAY + 3 * 3_600_000 : 2 * 3_600_000))
        : ready;
    if (ready >= POOLS_SINCE) await takeExam(id, branchId, `${id}-exam-1`, issuedAt, true, mistakes);
    const expiresAt = issuedAt + 365 * DAY;
    const revoked = random() < 0.01 ? issuedAt + 30 * DAY : null;
    const code = (k: number) => `LG${String(n).padStart(6, "0")}${k}`.slice(0, 12).padEnd(12, "X");
    await insert(
      "certificates",
      "(id, user_id, certification_id, cycle, kind, code, issued_at, expires_at, snapshot, revoked_at, revoked_by, revoke_reason)",
      [
        `${id}-cert-1`,
        id,
        cert.id,
        1,
        "initial",
        code(1),
        issuedAt,
        expiresAt,
        "{}",
        revoked && revoked < now ? revoked : null,
        null,
        revoked && revoked < now ? "benchmark data" : null,
      ],
    );
    if (!revoked && expiresAt - 40 * DAY < now && random() < 0.6) {
      if (expiresAt - 40 * DAY >= POOLS_SINCE)
        await takeExam(id, branchId, `${id}-exam-2`, expiresAt - 40 * DAY, true, mistakes);
      await insert(
        "certificates",
        "(id, user_id, certification_id, cycle, kind, code, issued_at, expires_at, snapshot, revoked_at, revoked_by, revoke_reason)",
        [
          `${id}-cert-2`,
          id,
          cert.id,
          2,
          "renewal",
          code(2),
          expiresAt - 40 * DAY,
          expiresAt + 365 * DAY,
          "{}",
          null,
          null,
          null,
        ],
      );
    }
  }

  // The review queue the pool attempts' and exams' mistakes left; about a third review daily.
  const queue = seedReviews({
    userId: id,
    branchId,
    mistakes,
    chapters: bySlug,
    reviews: random() < 0.35,
    right: () => random() < Math.min(0.95, skill + 0.15),
    now: new Date(now),
  });
  for (const c of queue.cards)
    await insert("review_cards", "(user_id, slug, question_id, box, due_at, mistake_at)", [
      c.userId,
      c.slug,
      c.questionId,
      c.box,
      c.dueAt.getTime(),
      c.mistakeAt.getTime(),
    ]);
  for (const a of queue.attempts) await insertAttempt(a);
  for (const a of queue.answers)
    await insert(
      "review_answers",
      "(id, attempt_id, user_id, slug, question_id, right, box, mistake_at, answered_at)",
      [
        a.id,
        a.attemptId,
        a.userId,
        a.slug,
        a.questionId,
        a.right ? 1 : 0,
        a.box,
        a.mistakeAt.getTime(),
        a.answeredAt.getTime(),
      ],
    );
}
for (const table of pending.keys()) await flush(table);
const broken = await client.execute("PRAGMA foreign_key_check");
if (broken.rows.length) throw new Error(`${broken.rows.length} rows break a foreign key`);
await client.execute("PRAGMA foreign_keys = ON");
await rebuildReportStats({ db });
await rebuildItemStats({ keys: await catalogKeys(db), db });
await client.execute("analyze");
console.log(
  `Large bank ready in ${values.db}: ${EMPLOYEES} employees, ${attempts} attempts, ${written} rows written (today ${today}).`,
);
