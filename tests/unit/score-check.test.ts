import { describe, expect, it } from "vitest";
import type { Question } from "@/lib/content/types";
import { answersFrom, scoreKnowledgeCheck, scoreQuestion } from "@/lib/training/score-check";

const opt = (id: string, correct = false) => ({ id, text: id, correct, feedback: `fb-${id}` });
const at = { section: 1, line: 1 };
const single: Question = {
  id: "q1",
  type: "single",
  prompt: "p",
  ...at,
  options: [opt("a"), opt("b", true), opt("c")],
};
const multiple: Question = {
  id: "q2",
  type: "multiple",
  prompt: "p",
  ...at,
  options: [opt("a", true), opt("b"), opt("c", true), opt("d", true)],
};
const tf: Question = {
  id: "q3",
  type: "truefalse",
  prompt: "p",
  ...at,
  options: [opt("true", true), opt("false")],
};
const questions = [single, multiple, tf];

describe("scoreQuestion", () => {
  it("single choice: one point for the key, nothing otherwise", () => {
    expect(scoreQuestion(single, ["b"])).toBe(1);
    expect(scoreQuestion(single, ["a"])).toBe(0);
  });

  it("multiple choice earns partial credit and penalises wrong picks, never below zero", () => {
    expect(scoreQuestion(multiple, ["a", "c", "d"])).toBe(1);
    expect(scoreQuestion(multiple, ["a", "c"])).toBeCloseTo(2 / 3);
    expect(scoreQuestion(multiple, ["a", "b"])).toBe(0);
    expect(scoreQuestion(multiple, ["a", "b", "c"])).toBeCloseTo(1 / 3);
    expect(scoreQuestion(multiple, ["a", "b", "c", "d"])).toBeCloseTo(2 / 3);
    expect(scoreQuestion(multiple, ["b"])).toBe(0);
  });
});

describe("scoreKnowledgeCheck", () => {
  it("all correct passes with 100%", () => {
    const r = scoreKnowledgeCheck(
      questions,
      answersFrom({ q1: ["b"], q2: ["a", "c", "d"], q3: ["true"] }),
      80,
    );
    expect(r).toMatchObject({ score: 3, maxScore: 3, percent: 100, passed: true });
    expect(r.questions.every((q) => q.correct)).toBe(true);
  });

  it("partial answers: floors the percentage and fails below the pass mark", () => {
    const r = scoreKnowledgeCheck(questions, answersFrom({ q1: ["b"], q2: ["a", "c"], q3: ["false"] }), 80);
    expect(r.score).toBeCloseTo(5 / 3);
    expect(r.percent).toBe(55);
    expect(r.passed).toBe(false);
    expect(r.questions[1]).toMatchObject({ correct: false, selected: ["a", "c"] });
    expect(r.questions[2]?.feedback).toEqual([{ optionId: "false", text: "fb-false", correct: false }]);
  });

  it("exactly at the pass mark passes; a hair below does not", () => {
    const five = Array.from({ length: 5 }, (_, i): Question => ({ ...single, id: `q${i}` }));
    const answers = (right: number) => new Map(five.map((q, i) => [q.id, [i < right ? "b" : "a"]]));
    expect(scoreKnowledgeCheck(five, answers(4), 80)).toMatchObject({ percent: 80, passed: true });
    expect(scoreKnowledgeCheck(five, answers(3), 80)).toMatchObject({ percent: 60, passed: false });
    const r = scoreKnowledgeCheck([multiple, tf], answersFrom({ q2: ["a", "c"], q3: ["true"] }), 84);
    expect(r.percent).toBe(83);
    expect(r.passed).toBe(false);
  });
});
