import type { Scores } from "./engine";
import type { Step } from "./schema";

type Rubric = Extract<Step, { kind: "text" }>["rubric"];

/** The least and most one competency can count for on one free-text step. */
export type Range = { min: number; max: number };

/**
 * What a free-text step's own rubric allows per competency: at most every required element of that
 * competency met (their points added up), at least every forbidden rule of it broken (minus their
 * points). The automatic grade always lies inside; a trainer's review must too. Every competency the
 * rubric names is in the map, in the order the rubric names it.
 */
export function rubricBounds(rubric: Rubric): Map<string, Range> {
  const bounds = new Map<string, Range>();
  const of = (competency: string) => {
    const range = bounds.get(competency) ?? { min: 0, max: 0 };
    bounds.set(competency, range);
    return range;
  };
  for (const element of rubric.required) of(element.competency).max += element.points;
  for (const rule of rubric.forbidden) of(rule.competency).min -= rule.points;
  return bounds;
}

/** The points a step's worst answer earns: each competency at its minimum. */
export function rubricMinimum(rubric: Rubric): Scores {
  return Object.fromEntries([...rubricBounds(rubric)].map(([c, r]) => [c, r.min]));
}

export type OutOfBounds = { competency: string; points: number } & Partial<Range>;

/**
 * The review points a step cannot take: a competency the rubric does not grade (no range), or
 * points outside its range. Empty when every competency lies within the rubric's bounds.
 */
export function outOfBounds(rubric: Rubric, points: Scores): OutOfBounds[] {
  const bounds = rubricBounds(rubric);
  return Object.entries(points).flatMap(([competency, p]) => {
    const range = bounds.get(competency);
    if (!range) return [{ competency, points: p }];
    return p < range.min || p > range.max ? [{ competency, points: p, ...range }] : [];
  });
}
