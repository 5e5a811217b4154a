import { coded } from "@/lib/content/issue-codes";
import type { Scenario, Step } from "./schema";

/** Where a step can lead, with the YAML path of each target for error messages. */
export function edgesOf(step: Step): { next: string; path: (string | number)[] }[] {
  switch (step.kind) {
    case "choice":
      return step.choices.map((c, i) => ({ next: c.next, path: ["choices", i, "next"] }));
    case "timed":
      return [
        ...step.choices.map((c, i) => ({ next: c.next, path: ["choices", i, "next"] })),
        { next: step.onTimeout.next, path: ["onTimeout", "next"] },
      ];
    case "text":
      return [
        ...step.branches.map((b, i) => ({ next: b.next, path: ["branches", i, "next"] })),
        { next: step.next, path: ["next"] },
      ];
    case "end":
      return [];
  }
}

export type GraphProblem = { path: (string | number)[] } & ReturnType<typeof coded>;

/**
 * Every target exists, every step is reachable from the start, and there is no loop, so every
 * path ends and each step can be answered at most once per attempt.
 */
export function checkGraph(s: Scenario): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const steps = s.steps;
  if (!steps[s.start]) problems.push({ path: ["start"], ...coded("startMissing", { step: s.start }) });
  for (const [id, step] of Object.entries(steps)) {
    for (const edge of edgesOf(step)) {
      if (!steps[edge.next]) {
        problems.push({
          path: ["steps", id, ...edge.path],
          ...coded("targetMissing", { step: id, target: edge.next }),
        });
      }
    }
  }
  if (problems.length > 0) return problems;

  const reached = new Set<string>();
  const queue = [s.start];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (reached.has(id)) continue;
    reached.add(id);
    for (const e of edgesOf(steps[id] as Step)) queue.push(e.next);
  }
  for (const id of Object.keys(steps)) {
    if (!reached.has(id))
      problems.push({ path: ["steps", id], ...coded("unreachable", { step: id, start: s.start }) });
  }

  // Depth-first search for a cycle: a step that leads back to one on the current path.
  const state = new Map<string, "open" | "done">();
  const visit = (id: string, trail: string[]): void => {
    state.set(id, "open");
    for (const e of edgesOf(steps[id] as Step)) {
      if (state.get(e.next) === "open") {
        const loop = [...trail.slice(trail.indexOf(e.next)), id, e.next].join(" → ");
        problems.push({
          path: ["steps", id, ...e.path],
          ...coded("loop", { loop }),
        });
      } else if (!state.has(e.next)) visit(e.next, [...trail, id]);
    }
    state.set(id, "done");
  };
  for (const id of Object.keys(steps)) if (!state.has(id)) visit(id, []);
  return problems;
}

/** Steps in an order where every step comes before the steps it leads to (the graph has no loop). */
export function topologicalOrder(s: Scenario): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    for (const e of edgesOf(s.steps[id] as Step)) visit(e.next);
    order.push(id);
  };
  visit(s.start);
  return order.reverse();
}
