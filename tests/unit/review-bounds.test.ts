import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { outOfBounds, rubricBounds, rubricMinimum } from "@/lib/scenario/review-bounds";
import { gradeFreeText } from "@/lib/scenario/rubric";
import type { Step } from "@/lib/scenario/schema";
import { validateScenario } from "@/lib/scenario/validate";

function textStep(file: string, id: string): Extract<Step, { kind: "text" }> {
  const r = validateScenario(readFileSync(`content/scenarios/${file}`, "utf8"));
  if (!("scenario" in r)) throw new Error(JSON.stringify(r.issues));
  const step = r.scenario.steps[id];
  if (step?.kind !== "text") throw new Error(`${id} is not a text step`);
  return step;
}

const apologise = textStep("complaint.zh-CN.yaml", "apologise");
const welcome = textStep("greeting.zh-CN.yaml", "welcome");

describe("review points bounded by the rubric", () => {
  it("takes the maximum from required points and the minimum from forbidden points, per competency", () => {
    // apology 3 + acknowledge 2 (empathy); take-on 2 (ownership) against 6 forbidden ownership points.
    expect(Object.fromEntries(rubricBounds(apologise.rubric))).toEqual({
      empathy: { min: 0, max: 5 },
      ownership: { min: -6, max: 2 },
    });
    expect(Object.fromEntries(rubricBounds(welcome.rubric))).toEqual({
      "first-impression": { min: 0, max: 2 },
      courtesy: { min: -2, max: 2 },
      personalisation: { min: 0, max: 2 },
    });
    expect(rubricMinimum(apologise.rubric)).toEqual({ empathy: 0, ownership: -6 });
  });

  it("a competency only forbidden can lose points but never earn them", () => {
    const bounds = rubricBounds({
      required: [{ id: "a", label: "A", competency: "empathy", points: 2, accept: ["x"], synonyms: [] }],
      forbidden: [{ id: "f", label: "F", competency: "risk", points: 3, phrases: ["y"], synonyms: [] }],
    });
    expect(bounds.get("risk")).toEqual({ min: -3, max: 0 });
    expect(bounds.get("empathy")).toEqual({ min: 0, max: 2 });
  });

  it("refuses courtesy 17 out of 9, points below the minimum and competencies the step does not grade", () => {
    expect(outOfBounds(welcome.rubric, { courtesy: 17 })).toEqual([
      { competency: "courtesy", points: 17, min: -2, max: 2 },
    ]);
    expect(outOfBounds(apologise.rubric, { ownership: -7, empathy: 5 })).toEqual([
      { competency: "ownership", points: -7, min: -6, max: 2 },
    ]);
    expect(outOfBounds(apologise.rubric, { composure: 1 })).toEqual([{ competency: "composure", points: 1 }]);
  });

  it("accepts both ends of every range", () => {
    for (const step of [apologise, welcome]) {
      const bounds = [...rubricBounds(step.rubric)];
      expect(outOfBounds(step.rubric, Object.fromEntries(bounds.map(([c, r]) => [c, r.min])))).toEqual([]);
      expect(outOfBounds(step.rubric, Object.fromEntries(bounds.map(([c, r]) => [c, r.max])))).toEqual([]);
    }
  });

  it("always holds the automatic grade, the best and the worst answer alike", () => {
    const answers = [
      apologise.modelAnswer,
      "这是系统的锅，跟我们没关系，您找信用卡中心去吧。",
      "不归我管，我也没办法，您去找别人吧，这是系统问题。",
      "我不觉得抱歉。",
    ];
    for (const answer of answers)
      expect(outOfBounds(apologise.rubric, gradeFreeText(apologise.rubric, answer).points)).toEqual([]);
  });
});
