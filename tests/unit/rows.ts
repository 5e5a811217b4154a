import type { NewCheckAttempt, scenarioAttempts } from "@/db/schema";

type NewScenarioAttempt = typeof scenarioAttempts.$inferInsert;

/** A knowledge-check attempt as a test stores it: who, which chapter, what percentage; the rest plausible. */
export function checkRow({
  slug,
  ...row
}: { userId: string; slug: string; percent: number } & Partial<NewCheckAttempt>): NewCheckAttempt & {
  id: string;
} {
  return {
    id: crypto.randomUUID(),
    moduleSlug: slug,
    contentVersion: "v",
    locale: "zh-CN",
    answers: {},
    score: row.percent,
    maxScore: 100,
    passed: row.percent >= 80,
    ...row,
  };
}

/** A finished role-play attempt as a test stores it (scores per competency go in scenario_scores). */
export function playRow({
  slug,
  percent,
  ...row
}: { userId: string; slug: string; percent: number } & Partial<NewScenarioAttempt>): NewScenarioAttempt {
  return {
    scenarioSlug: slug,
    contentVersion: "v",
    locale: "zh-CN",
    state: { stepId: "end", mood: 3, turns: [], ended: true },
    stepStartedAt: 0,
    status: "completed",
    score: percent,
    maxScore: 100,
    percent,
    passed: percent >= 70,
    completedAt: new Date(0),
    ...row,
  };
}
