import { inArray } from "drizzle-orm";
import { findCertification } from "../lib/certification/catalog";
import { examShares } from "../lib/certification/definition";
import type { CompiledChapter } from "../lib/content/types";
import { apply, result, start } from "../lib/scenario/engine";
import type { Db } from "./client";
import { DEMO_LEARNERS, DEMO_ONE_SHORT } from "./demo-bank";
import { loadCatalog } from "./queries/content-catalog";
import {
  assessmentAttempts,
  certificates,
  checkAttempts,
  type NewAssessmentAttempt,
  reviewAnswers,
  reviewCards,
  scenarioAttempts,
  scenarioScores,
  users,
} from "./schema";
import { seedCheckAttempt, seedExamAttempt, seedReviews } from "./seed-assessment";

const DAY = 86_400_000;
const total = (points: Record<string, number>) => Object.values(points).reduce((a, b) => a + b, 0);
/** Learners left without results: other tests and the demo walk-through start them fresh. */
const UNTOUCHED = new Set(["E1001", "E1010"]);
/** Learners who hold the certificate: one issued lately, one inside its renewal window. */
const CERTIFIED: Record<string, number> = { E1004: 30, E1008: 320 };
/** When DEMO_ONE_SHORT passed the exam (days ago). */
const ONE_SHORT_EXAM_DAYS_AGO = 2;

/**
 * A small, fixed set of results for the demo learners, so a manager's reports show something:
 * knowledge-check attempts drawn from the pools (some failed first, a retry avoiding the first
 * draw), role-plays played through the engine with competency scores, the certification exam
 * passed before each of the two certificates, and the review queue the mistakes left, with daily
 * reviews for every other learner. Ids are fixed, so seeding again adds nothing.
 */
export async function seedDemoResults(db: Db, now: Date) {
  const people = await db
    .select({ id: users.id, employeeNo: users.employeeNo, branchId: users.branchId })
    .from(users)
    .where(
      inArray(
        users.employeeNo,
        DEMO_LEARNERS.map((l) => l.employeeNo),
      ),
    );
  const catalog = await loadCatalog({ db });
  const chapters = catalog.chapterSlugs().flatMap((slug) => {
    const entry = catalog.findChapter(slug, "zh-CN");
    return entry?.result.ok ? [{ slug, chapter: entry.result.chapter }] : [];
  });
  const bySlug = new Map<string, CompiledChapter>(chapters.map((c) => [c.slug, c.chapter]));
  const cert = findCertification("counter-service");
  const scenarios = catalog.scenarioSlugs().flatMap((slug) => {
    const s = catalog.findScenario(slug, "zh-CN");
    return s ? [s] : [];
  });
  const checks: (typeof checkAttempts.$inferInsert)[] = [];
  const attempts: NewAssessmentAttempt[] = [];
  const cards: (typeof reviewCards.$inferInsert)[] = [];
  const answered: (typeof reviewAnswers.$inferInsert)[] = [];
  let dice = 17;
  const right = () => {
    dice = (dice * 48271) % 2147483647;
    return dice % 10 < 7;
  };
  const plays: (typeof scenarioAttempts.$inferInsert)[] = [];
  const scores: (typeof scenarioScores.$inferInsert)[] = [];
  const certs: (typeof certificates.$inferInsert)[] = [];

  for (const person of people) {
    if (UNTOUCHED.has(person.employeeNo)) continue;
    const n = Number(person.employeeNo.slice(1)) - 1002;
    const certified = person.employeeNo in CERTIFIED;
    const oneShort = person.employeeNo === DEMO_ONE_SHORT.employeeNo;
    // Everything passed, with the best answers (the one-short learner too, but for one role-play).
    const complete = certified || oneShort;
    const passedChapters = complete ? chapters.length : (n * 3) % (chapters.length + 1);
    const at = (k: number) => new Date(now.getTime() - (40 - k) * DAY - n * 3_600_000);
    const mistakes: { slug: string; questionId: string; at: Date }[] = [];
    chapters.forEach(({ slug, chapter }, c) => {
      if (c > passedChapters) return;
      const tries = c === passedChapters ? [false] : (n + c) % 3 === 0 ? [false, true] : [true];
      let avoid: string[] = [];
      tries.forEach((pass, k) => {
        const closedAt = at(c * 2 + k);
        const seeded = seedCheckAttempt(
          { id: `demo-${person.employeeNo}-${slug}-${k}`, userId: person.id, branchId: person.branchId },
          {
            chapter,
            avoid,
            // A failed attempt misses every other question; a pass misses at most one.
            right: (i) => (!pass ? i % 2 === 1 : n % 2 === 1 || i !== (n + c) % chapter.draw),
            startedAt: new Date(closedAt.getTime() - 6 * 60_000),
            closedAt,
          },
        );
        avoid = seeded.questionIds;
        attempts.push(seeded.attempt);
        checks.push(seeded.check);
        for (const w of seeded.wrong) mistakes.push({ slug, questionId: w.questionId, at: closedAt });
      });
    });
    scenarios.forEach((s, j) => {
      if (oneShort && s.slug === DEMO_ONE_SHORT.missingScenario) return;
      if (!complete && (n + j) % 3 === 0) return;
      let state = start(s.scenario);
      let step = 0;
      while (!state.ended) {
        const current = s.scenario.steps[state.stepId];
        if (!current || current.kind === "end") break;
        const answer =
          current.kind === "text"
            ? {
                type: "text" as const,
                text: complete || (n + step) % 2 === 0 ? current.modelAnswer : "好的。",
              }
            : {
                type: "choice" as const,
                choiceId: (complete
                  ? [...current.choices].sort((a, b) => total(b.points) - total(a.points))[0]
                  : current.choices[(n + step + j) % current.choices.length]
                )?.id as string,
              };
        const next = apply(s.scenario, state, answer);
        if ("error" in next) break;
        state = next.state;
        step++;
      }
      if (!state.ended) return;
      // The demo's free-text answers count as reviewed, so the trainers' queue holds only real ones.
      state = {
        ...state,
        turns: state.turns.map((turn) =>
          turn.answer.type === "text"
            ? {
                ...turn,
                review: {
                  points: turn.points,
                  comment: "确认自动评分。",
                  reviewerName: "陈静怡",
                  at: now.toISOString(),
                },
              }
            : turn,
        ),
      };
      const res = result(s.scenario, state);
      const id = `demo-${person.employeeNo}-${s.slug}`;
      const done = at(20 + j);
      plays.push({
        id,
        userId: person.id,
        scenarioSlug: s.slug,
        contentVersion: s.version,
        locale: "zh-CN",
        state,
        stepStartedAt: done.getTime(),
        status: "completed",
        score: res.score,
        maxScore: res.max,
        percent: res.percent,
        passed: res.passed,
        outcome: res.outcome?.id ?? null,
        createdAt: done,
        completedAt: done,
      });
      for (const c of res.competencies)
        scores.push({ attemptId: id, competency: c.id, score: c.score, maxScore: c.max });
    });
    const issuedDaysAgo = oneShort ? ONE_SHORT_EXAM_DAYS_AGO : CERTIFIED[person.employeeNo];
    if (issuedDaysAgo !== undefined && cert?.exam) {
      const issuedAt = new Date(now.getTime() - issuedDaysAgo * DAY);
      // The certificate was earned by passing the exam, the last requirement.
      const exam = seedExamAttempt(
        { id: `demo-${person.employeeNo}-exam-1`, userId: person.id, branchId: person.branchId },
        {
          certificationId: cert.id,
          shares: examShares(cert),
          chapters: bySlug,
          passScore: cert.exam.passScore,
          timeLimitMinutes: cert.exam.timeLimitMinutes,
          right: (i) => i % 9 !== 4,
          startedAt: new Date(issuedAt.getTime() - 25 * 60_000),
          minutes: 24,
        },
      );
      attempts.push(exam.attempt);
      for (const w of exam.wrong) mistakes.push({ slug: w.slug, questionId: w.questionId, at: issuedAt });
    }
    if (issuedDaysAgo !== undefined && certified) {
      const issuedAt = new Date(now.getTime() - issuedDaysAgo * DAY);
      certs.push({
        userId: person.id,
        certificationId: "counter-service",
        cycle: 1,
        kind: "initial",
        code: `DEMQ${[...person.employeeNo.slice(1)].map((d) => "23456789AB"[Number(d)]).join("")}K7PA`,
        issuedAt,
        expiresAt: new Date(issuedAt.getTime() + 365 * DAY),
        snapshot: {},
      });
    }
    const queue = seedReviews({
      userId: person.id,
      branchId: person.branchId,
      mistakes,
      chapters: bySlug,
      reviews: n % 2 === 0,
      right,
      now,
    });
    cards.push(...queue.cards);
    attempts.push(...queue.attempts);
    answered.push(...queue.answers);
  }
  if (checks.length === 0) return;
  await db.batch([
    db.insert(assessmentAttempts).values(attempts).onConflictDoNothing(),
    db.insert(checkAttempts).values(checks).onConflictDoNothing(),
    db.insert(scenarioAttempts).values(plays).onConflictDoNothing(),
    db.insert(scenarioScores).values(scores).onConflictDoNothing(),
    db.insert(certificates).values(certs).onConflictDoNothing(),
    ...(cards.length > 0 ? [db.insert(reviewCards).values(cards).onConflictDoNothing()] : []),
    ...(answered.length > 0 ? [db.insert(reviewAnswers).values(answered).onConflictDoNothing()] : []),
  ]);
}
