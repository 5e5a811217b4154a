import { inArray } from "drizzle-orm";
import { apply, result, start } from "../lib/scenario/engine";
import { answersFrom, scoreKnowledgeCheck } from "../lib/training/score-check";
import type { Db } from "./client";
import { DEMO_LEARNERS } from "./demo-bank";
import { loadCatalog } from "./queries/content-catalog";
import { certificates, checkAttempts, scenarioAttempts, scenarioScores, users } from "./schema";

const DAY = 86_400_000;
const total = (points: Record<string, number>) => Object.values(points).reduce((a, b) => a + b, 0);
/** Learners left without results: other tests and the demo walk-through start them fresh. */
const UNTOUCHED = new Set(["E1001", "E1010"]);
/** Learners who hold the certificate: one issued lately, one inside its renewal window. */
const CERTIFIED: Record<string, number> = { E1004: 30, E1008: 320 };

/**
 * A small, fixed set of results for the demo learners, so a manager's reports show something:
 * knowledge checks (some failed first), role-plays played through the engine with competency
 * scores, and two certificates. Ids are fixed, so seeding again adds nothing.
 */
export async function seedDemoResults(db: Db, now: Date) {
  const people = await db
    .select({ id: users.id, employeeNo: users.employeeNo })
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
  const scenarios = catalog.scenarioSlugs().flatMap((slug) => {
    const s = catalog.findScenario(slug, "zh-CN");
    return s ? [s] : [];
  });
  const checks: (typeof checkAttempts.$inferInsert)[] = [];
  const plays: (typeof scenarioAttempts.$inferInsert)[] = [];
  const scores: (typeof scenarioScores.$inferInsert)[] = [];
  const certs: (typeof certificates.$inferInsert)[] = [];

  for (const person of people) {
    if (UNTOUCHED.has(person.employeeNo)) continue;
    const n = Number(person.employeeNo.slice(1)) - 1002;
    const certified = person.employeeNo in CERTIFIED;
    const passedChapters = certified ? chapters.length : (n * 3) % (chapters.length + 1);
    const at = (k: number) => new Date(now.getTime() - (40 - k) * DAY - n * 3_600_000);
    chapters.forEach(({ slug, chapter }, c) => {
      if (c > passedChapters) return;
      const tries = c === passedChapters ? [false] : (n + c) % 3 === 0 ? [false, true] : [true];
      tries.forEach((pass, k) => {
        const answers = Object.fromEntries(
          chapter.questions.map((q, i) => {
            const right = q.options.filter((o) => o.correct).map((o) => o.id);
            const wrong = q.options.filter((o) => !o.correct).map((o) => o.id);
            const miss = !pass ? i % 2 === 0 : (i + n) % 7 === 0;
            return [q.id, miss && wrong.length ? [wrong[(i + n) % wrong.length] as string] : right];
          }),
        );
        const scored = scoreKnowledgeCheck(chapter.questions, answersFrom(answers), chapter.meta.passScore);
        checks.push({
          id: `demo-${person.employeeNo}-${slug}-${k}`,
          userId: person.id,
          moduleSlug: slug,
          contentVersion: chapter.version,
          locale: "zh-CN",
          answers,
          score: scored.score,
          maxScore: scored.maxScore,
          percent: scored.percent,
          passed: scored.passed,
          createdAt: at(c * 2 + k),
        });
      });
    });
    scenarios.forEach((s, j) => {
      if (!certified && (n + j) % 3 === 0) return;
      let state = start(s.scenario);
      let step = 0;
      while (!state.ended) {
        const current = s.scenario.steps[state.stepId];
        if (!current || current.kind === "end") break;
        const answer =
          current.kind === "text"
            ? {
                type: "text" as const,
                text: certified || (n + step) % 2 === 0 ? current.modelAnswer : "好的。",
              }
            : {
                type: "choice" as const,
                choiceId: (certified
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
    const issuedDaysAgo = CERTIFIED[person.employeeNo];
    if (issuedDaysAgo !== undefined) {
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
  }
  if (checks.length === 0) return;
  await db.batch([
    db.insert(checkAttempts).values(checks).onConflictDoNothing(),
    db.insert(scenarioAttempts).values(plays).onConflictDoNothing(),
    db.insert(scenarioScores).values(scores).onConflictDoNothing(),
    db.insert(certificates).values(certs).onConflictDoNothing(),
  ]);
}
