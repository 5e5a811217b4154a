import type { Scores } from "./engine";

/**
 * Human review on appeal (PIPL art. 24): a learner may contest the grade of a free-text answer
 * once, with a short comment; a trainer then decides. The states and their one allowed order,
 * none → contested → decided. `APPEAL_STATUSES` is the schema's `scenario_appeals.status`.
 */
export const APPEAL_STATUSES = ["contested", "decided"] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
/** Where one answer's appeal stands: never contested, waiting for a trainer, or decided. */
export type AppealState = "none" | AppealStatus;
export type AppealEvent = "contest" | "decide";

/** The learner's comment: short, but long enough to say why. */
export const APPEAL_COMMENT = { min: 2, max: 300 } as const;

const TRANSITIONS: Record<AppealState, Partial<Record<AppealEvent, AppealState>>> = {
  none: { contest: "contested" },
  contested: { decide: "decided" },
  decided: {},
};

/** The state after `event`, or null when it is not allowed: a second contest, deciding what is not contested. */
export function nextAppealState(state: AppealState, event: AppealEvent): AppealState | null {
  return TRANSITIONS[state][event] ?? null;
}

/** One answer's appeal as the learner's result page shows it. */
export type AppealView = {
  status: AppealStatus;
  comment: string;
  pointsBefore: Scores;
  pointsAfter: Scores | null;
  reason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  deciderName: string | null;
};

/** A trainer's decision as the learner reads it: the points kept, or changed. */
export function decisionOutcome(before: Scores, after: Scores): "upheld" | "changed" {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].every((k) => (before[k] ?? 0) === (after[k] ?? 0)) ? "upheld" : "changed";
}
