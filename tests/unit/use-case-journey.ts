import type { Db } from "@/db/client";
import { loadCatalog } from "@/db/queries/content-catalog";
import { xapiOutbox } from "@/db/schema";
import { answerScenarioStep, type StepAnswer } from "@/db/use-cases/answer-scenario-step";
import { recordReadingProgress } from "@/db/use-cases/record-reading-progress";
import { startScenario } from "@/db/use-cases/start-scenario";
import type { Scenario } from "@/lib/scenario/schema";
import type { Statement } from "@/lib/xapi/types";

// A learner's journey driven through the real use cases (for the xAPI wiring tests): read a
// chapter to its end, play a role-play along its best path.

type Learner = { id: string; employeeNo: string };

/** The outbox in commit order. */
export async function outbox(db: Db): Promise<Statement[]> {
  const rows = await db.select({ statement: xapiOutbox.statement }).from(xapiOutbox).orderBy(xapiOutbox.seq);
  return rows.map((r) => r.statement as Statement);
}

/** The best answer to a step: the choice with most points, or the model answer. */
export function bestAnswer(s: Scenario, stepId: string): StepAnswer {
  const step = s.steps[stepId];
  if (step?.kind === "text") return { stepId, text: step.modelAnswer };
  if (step?.kind === "choice" || step?.kind === "timed") {
    const total = (p: Record<string, number>) => Object.values(p).reduce((a, b) => a + b, 0);
    const best = [...step.choices].sort((a, b) => total(b.points) - total(a.points))[0];
    return { stepId, choiceId: best?.id as string };
  }
  throw new Error(`step ${stepId} takes no answer`);
}

/** Reads a chapter (as stored in `db`) section by section to its last one. Returns its revision. */
export async function readChapter(db: Db, user: Learner, slug: string, at: Date) {
  const entry = (await loadCatalog({ db })).findChapter(slug, "zh-CN");
  if (!entry?.result.ok) throw new Error(`no chapter ${slug}`);
  const sections = entry.result.chapter.toc.length;
  for (let i = 0; i < sections; i++)
    await recordReadingProgress({ user, slug, locale: "zh-CN", sectionIndex: i, now: at, db });
  return { version: entry.version, title: entry.result.chapter.meta.title, sections };
}

/**
 * Plays a scenario to its end along the best path, one step every `stepMs`; `onStep` runs after
 * each answer (with the step answered), e.g. to look at what that answer's batch stored.
 */
export async function playThrough(
  db: Db,
  user: Learner,
  slug: string,
  start: number,
  { stepMs = 1000, onStep }: { stepMs?: number; onStep?: (stepId: string) => Promise<void> } = {},
) {
  const found = (await loadCatalog({ db })).findScenario(slug, "zh-CN");
  if (!found) throw new Error(`no scenario ${slug}`);
  const started = await startScenario({ user, slug, locale: "zh-CN", extendedTime: false, now: start, db });
  let stepId = started.step.id;
  let now = start;
  let steps = 0;
  for (;;) {
    now += stepMs;
    steps += 1;
    const next = await answerScenarioStep({
      user,
      attemptId: started.attemptId,
      answer: bestAnswer(found.scenario, stepId),
      now,
      db,
    });
    await onStep?.(stepId);
    if (next.ended) return { attemptId: started.attemptId, scenario: found.scenario, now, steps };
    stepId = next.step.id;
  }
}
