import { randomUUID } from "node:crypto";
/**
 * The one place e2e tests touch the database: they arrange states the UI cannot reach (a result
 * from last week, an account deactivated behind the user's back) and inspect what a request
 * stored, through the app's own query modules against the server's database (DATABASE_URL, set by
 * playwright.config.ts). Where no query function exists for something only a test needs, the
 * function here reads through drizzle's query API on `db/`; no SQL is written by hand.
 *
 * The query modules are server-only and open the database when loaded, so they are imported on
 * first use: Playwright lists the tests in a process without the react-server condition, and the
 * server must have created the database before a worker opens it.
 */
import type { AuditFilters } from "@/db/queries/audit";
import type { ContentKind } from "@/lib/content/sources";
import type { Question } from "@/lib/content/types";
import { apply, type PlayState, result, start } from "@/lib/scenario/engine";
import type { Step } from "@/lib/scenario/schema";

const app = {
  db: () => import("@/db/client"),
  users: () => import("@/db/queries/users"),
  adminUsers: () => import("@/db/queries/admin-users"),
  catalog: () => import("@/db/queries/content-catalog"),
  practice: () => import("@/db/queries/practice"),
  certificates: () => import("@/db/queries/certificates"),
  audit: () => import("@/db/queries/audit"),
  authoring: () => import("@/db/queries/content-authoring"),
  attempts: () => import("@/db/queries/assessment-attempts"),
  check: () => import("@/db/use-cases/check-attempt"),
  submit: () => import("@/db/use-cases/submit-check"),
  settings: () => import("@/db/queries/app-settings"),
  schema: () => import("@/db/schema"),
};

export async function userIdOf(employeeNo: string): Promise<string> {
  const user = await (await app.users()).findUserByEmployeeNo({ employeeNo });
  if (!user) throw new Error(`no user ${employeeNo}`);
  return user.id;
}

// ---- arranging -------------------------------------------------------------------------------

/** Deactivates an account as an admin would (its sessions end at the next request). */
export async function deactivate(employeeNo: string, { by = "E9001" } = {}) {
  const outcome = await (await app.adminUsers()).setUserActive({
    actorId: await userIdOf(by),
    userId: await userIdOf(employeeNo),
    active: false,
  });
  if (outcome !== "updated") throw new Error(`could not deactivate ${employeeNo}: ${outcome}`);
}

/** Ends every session of an account, as an admin's "sign out everywhere" does. */
export async function signOutEverywhere(employeeNo: string, { by = "E9001" } = {}) {
  const done = await (await app.adminUsers()).forceSignOut({
    actorId: await userIdOf(by),
    userId: await userIdOf(employeeNo),
  });
  if (!done) throw new Error(`could not sign ${employeeNo} out`);
}

/**
 * Takes a chapter's check at `at`, through the use cases the check's routes call: an attempt drawn
 * on the server, then submitted, scored by the real scorer, with whatever certificate it completes
 * in the same batch. Every answer is right but the first `wrong` ones. Returns the missed keys.
 */
export async function takeChapter({
  employeeNo,
  slug,
  at,
  wrong = 0,
}: {
  employeeNo: string;
  slug: string;
  at: Date;
  wrong?: number;
}) {
  const [{ loadCatalog }, { startCheck }, { submitCheck }, { findAttempt }] = await Promise.all([
    app.catalog(),
    app.check(),
    app.submit(),
    app.attempts(),
  ]);
  const user = { id: await userIdOf(employeeNo) };
  const state = await startCheck({ user, slug, locale: "zh-CN", now: at });
  const attempt = state.open ? await findAttempt({ id: state.open.attemptId }) : null;
  const entry = (await loadCatalog()).findChapter(slug, "zh-CN");
  if (!attempt || !entry?.result.ok) throw new Error(`no attempt of ${slug} for ${employeeNo}`);
  const key = new Map(entry.result.chapter.questions.map((q) => [q.id, q.options.filter((o) => o.correct)]));
  const missed = attempt.items.slice(0, wrong).map((item) => item.key);
  const answers = Object.fromEntries(
    attempt.items.map((item) => {
      const right = new Set(key.get(item.questionId)?.map((o) => o.id));
      const pick = missed.includes(item.key)
        ? item.options.filter((o) => !right.has(o.optionId)).slice(0, 1)
        : item.options.filter((o) => right.has(o.optionId));
      return [item.key, pick.map((o) => o.token)];
    }),
  );
  await submitCheck({ user, slug, attemptId: attempt.id, answers, locale: "zh-CN", now: at });
  return missed;
}

/** Passes a chapter's check at `at` with every answer right (see takeChapter). */
export async function passChapter(args: { employeeNo: string; slug: string; at: Date }) {
  await takeChapter(args);
}

const totalPoints = (points: Record<string, number>) => Object.values(points).reduce((a, b) => a + b, 0);

/** The strongest answer to a step: the choice worth most points, or the model answer (unless `text` is given). */
function bestAnswer(step: Step, text?: string) {
  if (step.kind === "text") return { type: "text" as const, text: text ?? step.modelAnswer };
  if (step.kind === "end") throw new Error("an ended role-play takes no answer");
  const [best] = [...step.choices].sort((a, b) => totalPoints(b.points) - totalPoints(a.points));
  return { type: "choice" as const, choiceId: String(best?.id) };
}

/**
 * Plays a role-play along its strongest answers at `at`, step by step as the answer route stores
 * them (version-guarded, scores and any certificate in the finishing batch). Returns the percentage.
 */
export async function completeScenario(play: {
  employeeNo: string;
  slug: string;
  at: Date;
}): Promise<number> {
  return (await playScenario(play)).percent;
}

/** As completeScenario, with the free-text answers given in `texts` (by step id); returns the attempt too. */
export async function playScenario({
  employeeNo,
  slug,
  at,
  texts = {},
}: {
  employeeNo: string;
  slug: string;
  at: Date;
  texts?: Record<string, string>;
}): Promise<{ attemptId: string; percent: number }> {
  const [{ loadCatalog }, practice, { issuanceStatements }] = await Promise.all([
    app.catalog(),
    app.practice(),
    app.certificates(),
  ]);
  const userId = await userIdOf(employeeNo);
  const found = (await loadCatalog()).findScenario(slug, "zh-CN");
  if (!found) throw new Error(`scenario ${slug} is invalid`);
  const { scenario } = found;
  let state: PlayState = start(scenario);
  const attempt = await practice.createScenarioAttempt({
    userId,
    scenarioSlug: slug,
    contentVersion: found.version,
    locale: found.locale,
    state,
    extendedTime: false,
    now: at.getTime(),
  });
  for (let version = attempt.version; !state.ended; version++) {
    const applied = apply(
      scenario,
      state,
      bestAnswer(scenario.steps[state.stepId] as Step, texts[state.stepId]),
    );
    if ("error" in applied) throw new Error(`${slug} refused an answer: ${applied.error}`);
    state = applied.state;
    const completion = state.ended ? practice.toCompletion(result(scenario, state)) : null;
    const alongside = completion
      ? await issuanceStatements({
          userId,
          next: {
            kind: "scenario",
            attemptId: attempt.id,
            version: version + 1,
            slug,
            percent: completion.percent,
          },
          now: at,
        })
      : [];
    const stored = await practice.advanceScenarioAttempt({
      id: attempt.id,
      userId,
      scenarioSlug: slug,
      version,
      state,
      now: at.getTime(),
      completion,
      alongside,
    });
    if (!stored) throw new Error(`${slug}: a step was not stored`);
  }
  return { attemptId: attempt.id, percent: result(scenario, state).percent };
}

/** Gives an account another role in its own branch, as an admin would (its sessions end). */
export async function setRole(
  employeeNo: string,
  role: "learner" | "trainer" | "manager",
  { by = "E9001" } = {},
) {
  const user = await (await app.users()).findUserByEmployeeNo({ employeeNo });
  if (!user) throw new Error(`no user ${employeeNo}`);
  const outcome = await (await app.adminUsers()).updateUserRoleAndBranch({
    actorId: await userIdOf(by),
    userId: user.id,
    role,
    branchId: user.branchId,
  });
  if (outcome !== "updated" && outcome !== "unchanged")
    throw new Error(`could not make ${employeeNo} a ${role}: ${outcome}`);
}

/** Whether managers need a second factor, as the admin's security page sets it (audited). */
export async function requireSecondFactorForManagers(required: boolean, { by = "E9001" } = {}) {
  await (await app.settings()).setManagersNeedSecondFactor({ required, actorId: await userIdOf(by) });
}

/** Makes an account's password `days` old, as if set that long ago (for PASSWORD_MAX_AGE_DAYS). */
export async function agePassword(employeeNo: string, days: number) {
  const [{ db }, { users }, { eq }] = await Promise.all([app.db(), app.schema(), import("drizzle-orm")]);
  await db
    .update(users)
    .set({ passwordChangedAt: new Date(Date.now() - days * 86_400_000) })
    .where(eq(users.employeeNo, employeeNo));
}

/** The stored clock of the test: moves a learner's attempts (started, saved, deadline, closed) `ms` into the past. */
export async function moveAttemptsBack({
  employeeNo,
  ms,
  id,
}: {
  employeeNo: string;
  ms: number;
  /** Only this attempt; every attempt of the learner when absent. */
  id?: string;
}) {
  const [{ db }, { assessmentAttempts }, { and, eq }] = await Promise.all([
    app.db(),
    import("@/db/schema"),
    import("drizzle-orm"),
  ]);
  const userId = await userIdOf(employeeNo);
  const rows = await db.query.assessmentAttempts.findMany({
    where: (a, { and, eq }) => (id ? and(eq(a.userId, userId), eq(a.id, id)) : eq(a.userId, userId)),
  });
  const back = (d: Date | null) => (d ? new Date(d.getTime() - ms) : null);
  for (const r of rows)
    await db
      .update(assessmentAttempts)
      .set({
        startedAt: back(r.startedAt) as Date,
        savedAt: back(r.savedAt),
        deadlineAt: back(r.deadlineAt),
        closedAt: back(r.closedAt),
      })
      .where(and(eq(assessmentAttempts.id, r.id), eq(assessmentAttempts.userId, userId)));
  return rows.length;
}

/** Moves a learner's review queue `ms` into the past (mistakes and due dates), as days passing would. */
export async function moveReviewQueueBack({
  employeeNo,
  ms,
  slug,
}: {
  employeeNo: string;
  ms: number;
  /** Only the questions of this chapter. */
  slug?: string;
}) {
  const [{ db }, { reviewCards }, { and, eq }] = await Promise.all([
    app.db(),
    import("@/db/schema"),
    import("drizzle-orm"),
  ]);
  const userId = await userIdOf(employeeNo);
  const cards = (await db.query.reviewCards.findMany({ where: (c, { eq }) => eq(c.userId, userId) })).filter(
    (c) => !slug || c.slug === slug,
  );
  for (const c of cards)
    await db
      .update(reviewCards)
      .set({ dueAt: new Date(c.dueAt.getTime() - ms), mistakeAt: new Date(c.mistakeAt.getTime() - ms) })
      .where(
        and(
          eq(reviewCards.userId, userId),
          eq(reviewCards.slug, c.slug),
          eq(reviewCards.questionId, c.questionId),
        ),
      );
  return cards.length;
}

// ---- inspecting ------------------------------------------------------------------------------

/** Audit entries matching the admin page's filters, oldest first. */
export async function auditEntries(filters: AuditFilters) {
  return (await (await app.audit()).exportAuditEntries({ filters })).reverse();
}

/** How many revisions of a content item are published (0 for a draft never published, or no item). */
export async function revisionCount(kind: ContentKind, slug: string) {
  return (await (await app.authoring()).getContentItem({ kind, slug }))?.revisions.length ?? 0;
}

/** A role-play attempt of one learner, as the answer route reads it. */
export async function scenarioAttempt(id: string, employeeNo: string) {
  return (await app.practice()).getScenarioAttempt({ id, userId: await userIdOf(employeeNo) });
}

/** One drawn question of an attempt: its key, its question (zh-CN, with the key) and the right tokens. */
export type DrawnQuestion = { key: string; slug: string; question: Question; rightTokens: string[] };

/** A learner's open check or exam attempt: its id and the questions drawn, in the attempt's order. */
export async function openAttemptOf({
  employeeNo,
  kind,
  subject,
}: {
  employeeNo: string;
  kind: "check" | "exam";
  subject: string;
}): Promise<{ id: string; deadlineAt: Date | null; drawn: DrawnQuestion[] }> {
  const [{ findOpenAttempt }, { loadCatalog }] = await Promise.all([app.attempts(), app.catalog()]);
  const attempt = await findOpenAttempt({ userId: await userIdOf(employeeNo), kind, subject });
  if (!attempt) throw new Error(`${employeeNo} has no open ${kind} of ${subject}`);
  const catalog = await loadCatalog();
  const drawn = attempt.items.map((item) => {
    const entry = catalog.findChapter(item.slug, "zh-CN");
    const question = entry?.result.ok
      ? entry.result.chapter.questions.find((q) => q.id === item.questionId)
      : undefined;
    if (!question) throw new Error(`${item.key} is not in the catalog`);
    const right = new Set(question.options.filter((o) => o.correct).map((o) => o.id));
    return {
      key: item.key,
      slug: item.slug,
      question,
      rightTokens: item.options.filter((o) => right.has(o.optionId)).map((o) => o.token),
    };
  });
  return { id: attempt.id, deadlineAt: attempt.deadlineAt, drawn };
}

/** A stored attempt as the server holds it (null when there is none under this id). */
export async function attemptById(id: string) {
  return (await app.attempts()).findAttempt({ id });
}

/** How many attempts of a kind (and subject: a chapter, a certification) a learner has, open or closed. */
export async function attemptCount(employeeNo: string, kind: "check" | "exam" | "review", subject?: string) {
  const { db } = await app.db();
  const userId = await userIdOf(employeeNo);
  const rows = await db.query.assessmentAttempts.findMany({
    where: (a, { and, eq }) =>
      and(eq(a.userId, userId), eq(a.kind, kind), subject ? eq(a.subject, subject) : undefined),
    columns: { id: true },
  });
  return rows.length;
}

/** A learner's review queue: which questions wait, in which box, due when. */
export async function reviewCardsOf(employeeNo: string) {
  const { db } = await app.db();
  const userId = await userIdOf(employeeNo);
  return db.query.reviewCards.findMany({ where: (c, { eq }) => eq(c.userId, userId) });
}

/** Knowledge-check submissions stored under this id, by anyone. */
export async function checkAttemptsWithId(id: string) {
  const { db } = await app.db();
  const rows = await db.query.checkAttempts.findMany({
    where: (a, { eq }) => eq(a.id, id),
    columns: { id: true },
  });
  return rows.length;
}

/** The ids of one person's knowledge-check submissions. */
export async function checkAttemptIdsOf(employeeNo: string) {
  const { db } = await app.db();
  const userId = await userIdOf(employeeNo);
  const rows = await db.query.checkAttempts.findMany({
    where: (a, { eq }) => eq(a.userId, userId),
    columns: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Assignments, to anyone, due on a calendar day. */
export async function assignmentsDueOn(day: string) {
  const { db } = await app.db();
  const rows = await db.query.assignments.findMany({
    where: (a, { eq }) => eq(a.dueDate, day),
    columns: { id: true },
  });
  return rows.length;
}

/**
 * The raw facts behind one branch's report row, read from the attempts themselves so a spec can
 * compute the figures independently of the report queries: the active learners, how many passed
 * `chapter`, and every completed play of `scenario` with its `competency` score.
 */
export async function branchFacts({
  branchId,
  chapter,
  scenario,
  competency,
}: {
  branchId: string;
  chapter: string;
  scenario: string;
  competency: string;
}) {
  const { db } = await app.db();
  const learners = await db.query.users.findMany({
    where: (u, { and, eq }) => and(eq(u.branchId, branchId), eq(u.role, "learner"), eq(u.active, true)),
    columns: { id: true },
  });
  const ids = learners.map((u) => u.id);
  const passes = await db.query.checkAttempts.findMany({
    where: (a, { and, eq, inArray }) =>
      and(eq(a.moduleSlug, chapter), eq(a.passed, true), inArray(a.userId, ids)),
    columns: { userId: true },
  });
  const plays = await db.query.scenarioAttempts.findMany({
    where: (a, { and, eq, inArray }) =>
      and(eq(a.scenarioSlug, scenario), eq(a.status, "completed"), inArray(a.userId, ids)),
    columns: { id: true, userId: true, percent: true, completedAt: true },
  });
  const scores = await db.query.scenarioScores.findMany({
    where: (s, { and, eq, inArray }) =>
      and(
        eq(s.competency, competency),
        inArray(
          s.attemptId,
          plays.map((p) => p.id),
        ),
      ),
  });
  const scoreOf = new Map(scores.map((s) => [s.attemptId, s]));
  return {
    headcount: ids.length,
    passedChapter: new Set(passes.map((p) => p.userId)).size,
    plays: plays.flatMap((p) => {
      const s = scoreOf.get(p.id);
      return s
        ? [
            {
              id: p.id,
              userId: p.userId,
              percent: Number(p.percent),
              completedAt: p.completedAt?.getTime() ?? 0,
              score: s.score,
              maxScore: s.maxScore,
            },
          ]
        : [];
    }),
  };
}

/** The certificates a learner holds, newest first. */
export async function certificatesOf(employeeNo: string) {
  return (await app.certificates()).listCertificates({ userId: await userIdOf(employeeNo) });
}

/**
 * A passed certification exam closed at `at`, stored as its close leaves the attempt (without the
 * close batch, so it issues nothing itself): for journeys about another requirement.
 */
export async function arrangePassedExam({
  employeeNo,
  certificationId,
  at,
}: {
  employeeNo: string;
  certificationId: string;
  at: Date;
}) {
  const [{ db }, { assessmentAttempts }] = await Promise.all([app.db(), app.schema()]);
  await db.insert(assessmentAttempts).values({
    userId: await userIdOf(employeeNo),
    kind: "exam",
    subject: certificationId,
    locale: "zh-CN",
    revisions: {},
    seed: randomUUID(),
    items: [],
    passScore: 80,
    saved: {},
    startedAt: new Date(at.getTime() - 20 * 60_000),
    deadlineAt: new Date(at.getTime() + 10 * 60_000),
    closedAt: at,
    closeReason: "submitted",
    closeId: randomUUID(),
    score: 30,
    maxScore: 30,
    percent: 100,
    passed: true,
    results: [],
  });
}

/**
 * Gives a person `count` old due-soon notifications (one a day, ending at `before`), so a list of
 * them needs more than one page; each test run's keys are new. Returns how many were stored.
 */
export async function notifyMany(
  employeeNo: string,
  count: number,
  before = new Date("2026-01-31T02:00:00Z"),
) {
  const { storeNotifications } = await import("@/db/queries/notifications");
  const userId = await userIdOf(employeeNo);
  const run = randomUUID();
  let stored = 0;
  for (let i = 0; i < count; i++) {
    stored += await storeNotifications({
      drafts: [
        {
          userId,
          kind: "due-soon",
          dedupeKey: `due-soon:e2e-${run}:${i}`,
          payload: { itemType: "chapter", itemSlug: "basic-skills", dueDate: "2026-02-15" },
        },
      ],
      now: new Date(before.getTime() - i * 86_400_000),
    });
  }
  return stored;
}
