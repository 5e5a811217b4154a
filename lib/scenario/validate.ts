import { isNode, LineCounter, parseDocument } from "yaml";
import { coded } from "@/lib/content/issue-codes";
import type { ContentIssue } from "@/lib/content/types";
import { checkGraph } from "./graph";
import { rubricProblems } from "./rubric/check";
import { type Scenario, scenarioSchema } from "./schema";

type Path = (string | number)[];

/** Points keyed by competency in a step, with their YAML paths. */
function competencyUses(s: Scenario): { competency: string; path: Path }[] {
  const uses: { competency: string; path: Path }[] = [];
  for (const [id, step] of Object.entries(s.steps)) {
    const at = (p: Path) => ["steps", id, ...p];
    if (step.kind === "choice" || step.kind === "timed") {
      step.choices.forEach((c, i) => {
        for (const k of Object.keys(c.points))
          uses.push({ competency: k, path: at(["choices", i, "points", k]) });
      });
    }
    if (step.kind === "timed") {
      for (const k of Object.keys(step.onTimeout.points))
        uses.push({ competency: k, path: at(["onTimeout", "points", k]) });
    }
    if (step.kind === "text") {
      step.rubric.required.forEach((r, i) => {
        uses.push({ competency: r.competency, path: at(["rubric", "required", i, "competency"]) });
      });
      step.rubric.forbidden.forEach((r, i) => {
        uses.push({ competency: r.competency, path: at(["rubric", "forbidden", i, "competency"]) });
      });
    }
  }
  return uses;
}

/**
 * A scenario file to a checked scenario, or every problem positioned at its line: YAML syntax,
 * the schema, undeclared competencies, and the step graph (missing targets, unreachable steps, loops).
 */
export function validateScenario(
  source: string,
  expect?: { slug: string; locale: string },
): { scenario: Scenario } | { issues: ContentIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((e) => ({
        ...position(e.pos[0]),
        ...coded("yaml", { detail: e.message.split("\n")[0] ?? "" }),
      })),
    };
  }
  // `what` is a coded issue, or the English message of a check that has no code yet (rubric rules).
  const at = (path: Path, what: ReturnType<typeof coded> | string): ContentIssue => {
    const issue = typeof what === "string" ? { message: what } : what;
    for (let depth = path.length; depth >= 0; depth--) {
      const node = doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return { ...position(node.range[0]), ...issue };
    }
    return { line: 1, column: 1, ...issue };
  };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // e.g. an alias bomb: "Excessive alias count indicates a resource exhaustion attack".
    return {
      issues: [
        { line: 1, column: 1, ...coded("yaml", { detail: e instanceof Error ? e.message : String(e) }) },
      ],
    };
  }
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    return {
      issues: parsed.error.issues.map((i) =>
        at(i.path as Path, coded("scenarioField", { path: i.path.join(".") || "file", detail: i.message })),
      ),
    };
  }
  const s = parsed.data;
  const issues: ContentIssue[] = [];
  if (expect && (s.slug !== expect.slug || s.locale !== expect.locale)) {
    issues.push(
      at(
        ["slug"],
        coded("scenarioFileName", {
          found: `${s.slug}.${s.locale}`,
          expected: `${expect.slug}.${expect.locale}`,
        }),
      ),
    );
  }
  const declared = new Set(s.competencies.map((c) => c.id));
  if (declared.size !== s.competencies.length) issues.push(at(["competencies"], coded("competenciesUnique")));
  for (const use of competencyUses(s)) {
    if (!declared.has(use.competency)) {
      issues.push(at(use.path, coded("competencyUndeclared", { competency: use.competency })));
    }
  }
  for (const { path, ...p } of checkGraph(s)) issues.push(at(path, p));
  for (const [id, step] of Object.entries(s.steps)) {
    if (step.kind !== "text") continue;
    for (const p of rubricProblems(step.rubric))
      issues.push(at(["steps", id, "rubric", ...p.path], p.message));
  }
  return issues.length > 0 ? { issues: issues.sort((a, b) => a.line - b.line) } : { scenario: s };
}

/** What must be identical between a scenario's locales: everything but the words. */
export function scenarioShape(s: Scenario): string {
  return JSON.stringify({
    passScore: s.passScore,
    competencies: s.competencies.map((c) => c.id),
    start: s.start,
    steps: Object.entries(s.steps).map(([id, step]) => {
      const base = { id, kind: step.kind, mood: step.mood };
      switch (step.kind) {
        case "choice":
        case "timed":
          return {
            ...base,
            limit:
              step.kind === "timed" ? [step.timeLimit, step.onTimeout.next, step.onTimeout.points] : null,
            choices: step.choices.map((c) => [c.id, c.points, c.moodChange ?? 0, c.next]),
          };
        case "text":
          return {
            ...base,
            required: step.rubric.required.map((r) => [r.id, r.competency, r.points]),
            forbidden: step.rubric.forbidden.map((r) => [r.id, r.competency, r.points]),
            branches: step.branches,
            next: step.next,
          };
        default:
          return { ...base, outcome: step.outcome };
      }
    }),
  });
}
