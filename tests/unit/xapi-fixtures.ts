import { readFileSync } from "node:fs";
import validation from "@learninglocker/xapi-validation";
import { buildAttemptItems, type QuestionLookup } from "@/lib/assessment/attempt-items";
import { drawQuestions } from "@/lib/assessment/draw";
import { scoreAttempt } from "@/lib/assessment/score";
import { compileChapter } from "@/lib/content/compile";
import type { CompiledChapter, Question } from "@/lib/content/types";
import { type Answer, apply, type PlayState, result, start } from "@/lib/scenario/engine";
import type { Scenario } from "@/lib/scenario/schema";
import { validateScenario } from "@/lib/scenario/validate";
import { checkClosedStatements, examClosedStatements } from "@/lib/xapi/assessment";
import { certificateEarnedStatements, certificateRevokedStatements } from "@/lib/xapi/certificate";
import { chapterReadStatements } from "@/lib/xapi/chapter";
import { scenarioAnswerStatements } from "@/lib/xapi/scenario";
import type { Site } from "@/lib/xapi/site";
import type { Statement } from "@/lib/xapi/types";
import { labels } from "./content-fixtures";

// The package is CommonJS with `exports.default`; how it arrives depends on the loader.
const validator = ((validation as unknown as { default?: typeof validation }).default ?? validation) as (
  data: unknown,
) => { path: string[]; typeName?: string; message: string }[];

/** Learning Locker's xAPI statement validation: one line per problem, none for a valid statement. */
export const statementProblems = (s: unknown) =>
  validator(s).map((w) => `${w.path.join(".")}: ${w.typeName ?? w.message}`);

const compiled = new Map<string, CompiledChapter>();

/** A shipped chapter, compiled (zh-CN) once per test file. */
export function chapter(slug: string): CompiledChapter {
  const cached = compiled.get(slug);
  if (cached) return cached;
  const result = compileChapter(readFileSync(`content/chapters/${slug}.zh-CN.mdx`, "utf8"), { labels });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  compiled.set(slug, result.chapter);
  return result.chapter;
}

/** A shipped scenario (zh-CN). */
export function scenario(slug: string): Scenario {
  const r = validateScenario(readFileSync(`content/scenarios/${slug}.zh-CN.yaml`, "utf8"));
  if (!("scenario" in r)) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

/**
 * A drawn and closed check: `right(i)` says whether the i-th drawn question is answered right
 * (else with one wrong option); the last one is left unanswered unless `answerAll`.
 */
export function closedCheck(
  c: CompiledChapter,
  seed: string,
  right: (i: number) => boolean = (i) => i % 2 === 0,
  answerAll = false,
) {
  const ids = drawQuestions({ pool: c.questions, count: c.draw, seed });
  const byId = new Map(c.questions.map((q) => [q.id, q]));
  const items = buildAttemptItems(
    seed,
    ids.map((id) => ({ slug: c.meta.slug, question: byId.get(id) as Question })),
  );
  const lookup: QuestionLookup = (slug, id) => (slug === c.meta.slug ? byId.get(id) : undefined);
  const answered = answerAll ? items : items.slice(0, -1);
  const answers = new Map(
    answered.map((item, i): [string, string[]] => {
      const q = byId.get(item.questionId) as Question;
      const key = q.options.filter((o) => o.correct).map((o) => o.id);
      const wrong = q.options.filter((o) => !o.correct).map((o) => o.id);
      return [item.key, right(i) ? key : wrong.slice(0, 1)];
    }),
  );
  return { items, lookup, score: scoreAttempt(items, answers, lookup, c.meta.passScore) };
}

/**
 * Plays a scenario to its end: the first choice at each step, a timeout at the first timed step,
 * a reply at a free-text step. Returns the state after each answer.
 */
export function playScenario(s: Scenario): PlayState[] {
  let state = start(s);
  const states: PlayState[] = [];
  let timedOut = false;
  while (!state.ended && states.length < 30) {
    const step = s.steps[state.stepId];
    let answer: Answer;
    if (step?.kind === "text")
      answer = { type: "text", text: "非常抱歉给您带来不便，我马上为您查询并在今天下班前回电。" };
    else if (step?.kind === "timed" && !timedOut) {
      answer = { type: "timeout" };
      timedOut = true;
    } else if (step?.kind === "choice" || step?.kind === "timed")
      answer = { type: "choice", choiceId: step.choices[0]?.id ?? "" };
    else throw new Error(`unexpected step ${state.stepId}`);
    const next = apply(s, state, answer);
    if ("error" in next) throw new Error(next.error);
    state = next.state;
    states.push(state);
  }
  return states;
}

/**
 * One learner's journey as the events' batches would record it, one array per event: a chapter
 * read, a failed and a passed check, a role-play answered step by step, the exam, the certificate
 * earned and then revoked. `n` makes the attempt ids unique per journey.
 */
export function journey(
  site: Site,
  employeeNo: string,
  n: number,
  start = new Date("2026-03-02T02:00:00.000Z"),
) {
  const learner = { employeeNo };
  const uuid = (k: number) => `00000000-0000-4000-8000-${String(n * 100 + k).padStart(12, "0")}`;
  const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
  const basic = chapter("basic-skills");
  const events: Statement[][] = [];
  events.push(
    chapterReadStatements(
      {
        learner,
        chapter: { slug: "basic-skills", title: basic.meta.title, locale: "zh-CN", revisionId: "rev-1" },
        at: at(0),
      },
      site,
    ),
  );
  for (const [k, passing] of [
    [1, false],
    [2, true],
  ] as const) {
    const c = closedCheck(basic, uuid(k), passing ? () => true : undefined, passing);
    events.push(
      checkClosedStatements(
        {
          learner,
          attempt: {
            id: uuid(k),
            locale: "zh-CN",
            startedAt: at(k * 10),
            closedAt: at(k * 10 + 4),
            revisionId: "rev-1",
          },
          ...c,
          chapter: { slug: "basic-skills", title: basic.meta.title },
          certificationIds: ["counter-service"],
        },
        site,
      ),
    );
  }
  const complaint = scenario("complaint");
  for (const [i, state] of playScenario(complaint).entries())
    events.push(
      scenarioAnswerStatements(
        {
          learner,
          attempt: {
            id: uuid(3),
            scenarioSlug: "complaint",
            contentVersion: "rev-4",
            locale: "zh-CN",
            startedAt: at(30),
          },
          scenario: complaint,
          state,
          result: state.ended ? result(complaint, state) : null,
          at: new Date(at(30).getTime() + (i + 1) * 20_000),
          certificationIds: ["counter-service"],
        },
        site,
      ),
    );
  const exam = closedCheck(basic, uuid(4), () => true, true);
  events.push(
    examClosedStatements(
      {
        learner,
        attempt: { id: uuid(4), locale: "zh-CN", startedAt: at(40), closedAt: at(60) },
        ...exam,
        certification: { id: "counter-service", name: { "zh-CN": "柜面服务技能认证" } },
      },
      site,
    ),
  );
  const certificate = {
    id: uuid(5),
    certificationId: "counter-service",
    certificationName: { "zh-CN": "柜面服务技能认证" },
    cycle: 1,
    kind: "initial" as const,
    code: `K7PQ2XR9M${String(n).padStart(3, "0")}`.slice(-12),
    issuedAt: at(60),
    expiresAt: at(60 + 365 * 24 * 60),
    snapshot: { "scenario:complaint": 80, "exam:counter-service": 100 },
  };
  events.push(certificateEarnedStatements({ learner, certificate }, site));
  events.push(
    certificateRevokedStatements(
      { learner, certificate, revokedAt: at(120), revokedBy: { employeeNo: "E9001" }, reason: "测试撤销" },
      site,
    ),
  );
  return events;
}
