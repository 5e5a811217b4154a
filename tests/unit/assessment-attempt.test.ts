import { describe, expect, it } from "vitest";
import {
  type AttemptItem,
  buildAttemptItems,
  publicItems,
  type QuestionLookup,
  tokensToOptionIds,
} from "@/lib/assessment/attempt-items";
import { reviewAttempt, reviewLevel } from "@/lib/assessment/review";
import { scoreAttempt } from "@/lib/assessment/score";
import { answersByQuestionId, validateSubmission } from "@/lib/assessment/submission";
import type { Question } from "@/lib/content/types";

const opt = (id: string, correct = false) => ({ id, text: `text ${id}`, correct, feedback: `why ${id}` });
const q = (id: string, type: Question["type"], section: number, options: Question["options"]): Question => ({
  id,
  type,
  section,
  prompt: `prompt ${id}`,
  options,
  line: 1,
});
const questions: Question[] = [
  q("q1", "single", 1, [opt("a"), opt("b", true), opt("c"), opt("d")]),
  q("q2", "multiple", 2, [opt("a", true), opt("b"), opt("c", true), opt("d")]),
  // Written False first: the attempt still shows True, then False.
  q("q3", "truefalse", 2, [opt("false"), opt("true", true)]),
  q("q4", "scenario", 3, [opt("a"), opt("b"), opt("c", true)]),
];
const lookup: QuestionLookup = (slug, id) => (slug === "ch" ? questions.find((x) => x.id === id) : undefined);
const drawn = questions.map((question) => ({ slug: "ch", question }));
const items = buildAttemptItems("seed-1", drawn);
const item = (key: string) => items.find((i) => i.key === key) as AttemptItem;
/** The attempt's token for option `optionId` of question `key`. */
const tok = (its: AttemptItem[], key: string, optionId: string) =>
  its.find((i) => i.key === key)?.options.find((o) => o.optionId === optionId)?.token as string;
const right = {
  "ch/q1": [tok(items, "ch/q1", "b")],
  "ch/q2": [tok(items, "ch/q2", "a"), tok(items, "ch/q2", "c")],
  "ch/q3": [tok(items, "ch/q3", "true")],
  "ch/q4": [tok(items, "ch/q4", "c")],
};

describe("attempt items: shuffled options under opaque tokens", () => {
  it("is deterministic for a seed; another seed gives other tokens", () => {
    expect(buildAttemptItems("seed-1", drawn)).toEqual(items);
    const other = buildAttemptItems("seed-2", drawn);
    const tokens = (its: AttemptItem[]) => new Set(its.flatMap((i) => i.options.map((o) => o.token)));
    const mine = tokens(items);
    expect([...tokens(other)].some((t) => mine.has(t))).toBe(false);
  });

  it("keeps every option exactly once, True before False, and shuffles the others over seeds", () => {
    for (const it of items)
      expect(it.options.map((o) => o.optionId).sort()).toEqual(
        (lookup("ch", it.questionId) as Question).options.map((o) => o.id).sort(),
      );
    expect(item("ch/q3").options.map((o) => o.optionId)).toEqual(["true", "false"]);
    const orders = new Set(
      Array.from({ length: 30 }, (_, i) =>
        buildAttemptItems(`s${i}`, drawn)[0]
          ?.options.map((o) => o.optionId)
          .join(""),
      ),
    );
    expect(orders.size).toBeGreaterThan(5);
    for (let i = 0; i < 30; i++)
      expect(buildAttemptItems(`s${i}`, drawn)[2]?.options.map((o) => o.optionId)).toEqual(["true", "false"]);
  });

  it("tokens are unique in the attempt and are never option ids", () => {
    const all = items.flatMap((i) => i.options.map((o) => o.token));
    expect(new Set(all).size).toBe(all.length);
    for (const t of all) expect(t).toMatch(/^[A-Za-z0-9_-]{12}$/);
  });

  it("maps tokens back to option ids and reports unknown and foreign tokens", () => {
    const t = item("ch/q2").options.map((o) => o.token);
    expect(tokensToOptionIds(items, "ch/q2", t).optionIds).toEqual(
      item("ch/q2").options.map((o) => o.optionId),
    );
    const otherAttempt = tok(buildAttemptItems("seed-2", drawn), "ch/q2", "a");
    expect(tokensToOptionIds(items, "ch/q2", ["a", otherAttempt, right["ch/q1"][0] as string])).toEqual({
      optionIds: [],
      unknown: ["a", otherAttempt],
      foreign: [right["ch/q1"][0]],
    });
  });

  it("gives the browser prompts and option texts in the attempt's order, by token, without a key", () => {
    const shown = publicItems(items, lookup);
    expect(shown[0]).toEqual({
      key: "ch/q1",
      type: "single",
      prompt: "prompt q1",
      options: item("ch/q1").options.map((o) => ({ token: o.token, text: `text ${o.optionId}` })),
    });
    expect(JSON.stringify(shown)).not.toMatch(/correct|feedback|why|"optionId"/);
  });
});

describe("validateSubmission", () => {
  it("accepts exactly the drawn questions with their own tokens, as option ids keyed by item", () => {
    const r = validateSubmission(items, right, "complete");
    expect(r).toEqual({
      ok: true,
      answers: { "ch/q1": ["b"], "ch/q2": ["a", "c"], "ch/q3": ["true"], "ch/q4": ["c"] },
    });
    if (r.ok)
      expect(answersByQuestionId(items, r.answers)).toEqual({
        q1: ["b"],
        q2: ["a", "c"],
        q3: ["true"],
        q4: ["c"],
      });
  });

  it.each([
    ["a question that was not drawn", { ...right, "ch/q9": [] }, { code: "undrawn-question", key: "ch/q9" }],
    ["a missing question", { ...right, "ch/q4": undefined }, { code: "missing-question", key: "ch/q4" }],
    ["a raw option id", { ...right, "ch/q1": ["b"] }, { code: "unknown-token", key: "ch/q1", token: "b" }],
    [
      "a token of another question",
      { ...right, "ch/q1": right["ch/q4"] },
      { code: "foreign-token", key: "ch/q1", token: right["ch/q4"][0] },
    ],
    [
      "the same pick twice",
      { ...right, "ch/q2": [right["ch/q2"][0], right["ch/q2"][0]] },
      { code: "duplicate-pick", key: "ch/q2", token: right["ch/q2"][0] },
    ],
    [
      "two picks on a single-answer question",
      { ...right, "ch/q4": [tok(items, "ch/q4", "a"), tok(items, "ch/q4", "c")] },
      { code: "pick-count", key: "ch/q4", picks: 2 },
    ],
    ["no pick at all", { ...right, "ch/q2": [] }, { code: "pick-count", key: "ch/q2", picks: 0 }],
  ])("refuses %s", (_, answers, problem) => {
    const submitted = Object.fromEntries(
      Object.entries(answers).filter(([, v]) => v !== undefined),
    ) as Record<string, string[]>;
    expect(validateSubmission(items, submitted, "complete")).toEqual({ ok: false, problem });
  });

  it("refuses another attempt's tokens: a key guessed from another shuffle", () => {
    const other = buildAttemptItems("seed-2", drawn);
    const theirs = { ...right, "ch/q1": [tok(other, "ch/q1", "b")] };
    expect(validateSubmission(items, theirs, "complete")).toMatchObject({
      ok: false,
      problem: { code: "unknown-token", key: "ch/q1" },
    });
  });

  it("partial (exam autosave): any subset, an empty list clears, still refuses what does not fit", () => {
    expect(validateSubmission(items, { "ch/q2": right["ch/q2"], "ch/q3": [] }, "partial")).toEqual({
      ok: true,
      answers: { "ch/q2": ["a", "c"] },
    });
    expect(validateSubmission(items, { "ch/q3": ["true"] }, "partial")).toMatchObject({
      ok: false,
      problem: { code: "unknown-token" },
    });
  });
});

describe("scoring and review of a closed attempt", () => {
  // q1 right, q2 half right (a only), q3 wrong, q4 unanswered: 1.5 of 4 = 37%.
  const answers = { "ch/q1": ["b"], "ch/q2": ["a"], "ch/q3": ["false"] };
  const scored = scoreAttempt(items, answers, lookup, 80);

  it("scores from the saved answers, the same every time", () => {
    expect(scored).toMatchObject({ score: 1.5, maxScore: 4, percent: 37, passed: false });
    expect(scored.items.map((s) => [s.key, s.points, s.correct])).toEqual([
      ["ch/q1", 1, true],
      ["ch/q2", 0.5, false],
      ["ch/q3", 0, false],
      ["ch/q4", 0, false],
    ]);
    expect(scored.chapters).toEqual([{ slug: "ch", score: 1.5, maxScore: 4, percent: 37 }]);
    expect(scoreAttempt(items, answers, lookup, 80)).toEqual(scored);
  });

  it("review modes: always → full, after-pass → full only on a pass, never → score", () => {
    expect(reviewLevel("always", false)).toBe("full");
    expect(reviewLevel("after-pass", true)).toBe("full");
    expect(reviewLevel("after-pass", false)).toBe("wrong");
    expect(reviewLevel("never", true)).toBe("score");
  });

  it("a failed attempt under after-pass shows which were wrong and their sections, never an option", () => {
    const review = reviewAttempt(reviewLevel("after-pass", scored.passed), items, scored, lookup);
    expect(review).toEqual({
      shows: "wrong",
      score: 1.5,
      maxScore: 4,
      percent: 37,
      passed: false,
      chapters: scored.chapters,
      wrong: [
        { key: "ch/q2", slug: "ch", section: 2, prompt: "prompt q2" },
        { key: "ch/q3", slug: "ch", section: 2, prompt: "prompt q3" },
        { key: "ch/q4", slug: "ch", section: 3, prompt: "prompt q4" },
      ],
    });
    expect(JSON.stringify(review)).not.toMatch(/text |why |token|correct/);
  });

  it("a passed attempt under after-pass shows the full feedback; the exam's level never does", () => {
    const valid = validateSubmission(items, right, "complete");
    if (!valid.ok) throw new Error("expected valid answers");
    const passed = scoreAttempt(items, valid.answers, lookup, 80);
    expect(passed).toMatchObject({ percent: 100, passed: true });
    expect(reviewAttempt(reviewLevel("after-pass", passed.passed), items, passed, lookup).shows).toBe("full");
    expect(reviewAttempt("wrong", items, passed, lookup)).toMatchObject({ shows: "wrong", wrong: [] });
  });

  it("never shows only the score and pass/fail", () => {
    expect(reviewAttempt(reviewLevel("never", scored.passed), items, scored, lookup)).toEqual({
      shows: "score",
      score: 1.5,
      maxScore: 4,
      percent: 37,
      passed: false,
    });
  });

  it("always (or a pass) shows every option in the attempt's order with picks, key and feedback", () => {
    const review = reviewAttempt(reviewLevel("always", scored.passed), items, scored, lookup);
    if (review.shows !== "full") throw new Error("expected full feedback");
    const q2 = review.questions[1];
    expect(q2).toMatchObject({ key: "ch/q2", section: 2, points: 0.5, correct: false });
    expect(q2?.options).toEqual(
      item("ch/q2").options.map((o) => ({
        token: o.token,
        text: `text ${o.optionId}`,
        picked: o.optionId === "a",
        correct: o.optionId === "a" || o.optionId === "c",
        feedback: `why ${o.optionId}`,
      })),
    );
  });
});
