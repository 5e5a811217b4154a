import { describe, expect, it } from "vitest";
import { validateScenario } from "@/lib/scenario/validate";
import { expectedBranch } from "@/scripts/rubric-eval/evaluate";
import { scores, tally, zero } from "@/scripts/rubric-eval/metrics";
import { VALID } from "./scenario-fixtures";

describe("rubric evaluation maths", () => {
  it("counts true and false positives and negatives into precision, recall and F1", () => {
    const c = zero();
    for (const [said, truth] of [
      [true, true],
      [true, true],
      [true, false],
      [false, true],
      [false, false],
    ] as const)
      tally(c, said, truth);
    expect(c).toEqual({ tp: 2, fp: 1, fn: 1 });
    expect(scores(c)).toEqual({ precision: 2 / 3, recall: 2 / 3, f1: 2 / 3 });
    expect(scores(zero())).toEqual({ precision: 1, recall: 1, f1: 1 });
  });

  it("sends an answer down the branch its labelled points deserve", () => {
    const r = validateScenario(VALID);
    if (!("scenario" in r)) throw new Error("fixture");
    const step = r.scenario.steps.explain;
    if (step?.kind !== "text") throw new Error("fixture");
    const c = (meets: string[]) => ({ id: "x", answer: "", meets, violates: [], tags: [] });
    expect(expectedBranch(step, c(["apology", "action"]))).toBe("happy"); // 3 + 2 ≥ 4
    expect(expectedBranch(step, c(["apology"]))).toBe("upset");
  });
});
