import { edgesOf, topologicalOrder } from "./graph";
import type { Scenario, Step } from "./schema";

type Scores = Record<string, number>;

/** Points an answer at this step can earn towards the edge to `next`, at best. */
function bestEdgePoints(step: Step, next: string): Scores[] {
  switch (step.kind) {
    case "choice":
    case "timed": {
      const options = step.choices.filter((c) => c.next === next).map((c) => c.points);
      if (step.kind === "timed" && step.onTimeout.next === next) options.push(step.onTimeout.points);
      return options;
    }
    case "text": {
      // A free-text answer can earn every required element; forbidden phrases only deduct.
      const full: Scores = {};
      for (const r of step.rubric.required) full[r.competency] = (full[r.competency] ?? 0) + r.points;
      return [full];
    }
    case "end":
      return [];
  }
}

/**
 * The most each competency can earn on any path from the start, taken per competency (the best
 * path for empathy need not be the best for follow-up). Needs a checked, loop-free scenario.
 */
export function maxScores(s: Scenario): Scores {
  const ids = s.competencies.map((c) => c.id);
  const best = new Map<string, Scores>();
  for (const id of topologicalOrder(s).reverse()) {
    const step = s.steps[id] as Step;
    const edges = edgesOf(step);
    const scores: Scores = Object.fromEntries(
      ids.map((c) => [c, edges.length ? Number.NEGATIVE_INFINITY : 0]),
    );
    for (const edge of edges) {
      const after = best.get(edge.next) as Scores;
      for (const points of bestEdgePoints(step, edge.next)) {
        for (const c of ids)
          scores[c] = Math.max(scores[c] as number, (points[c] ?? 0) + (after[c] as number));
      }
    }
    best.set(id, scores);
  }
  return best.get(s.start) ?? {};
}
