import { describe, expect, it } from "vitest";
import { contestRefusal, floorResult, passPending } from "@/lib/scenario/appeal";
import { type AppealState, decisionOutcome, nextAppealState } from "@/lib/scenario/appeal-state";
import { type Answer, apply, type PlayState, result, start } from "@/lib/scenario/engine";
import type { Scenario } from "@/lib/scenario/schema";
import { validateScenario } from "@/lib/scenario/validate";
import { VALID } from "./scenario-fixtures";

function load(source: string): Scenario {
  const r = validateScenario(source);
  if (!("scenario" in r)) throw new Error(JSON.stringify(r.issues));
  return r.scenario;
}

function play(s: Scenario, answers: Answer[]): PlayState {
  let state = start(s);
  for (const answer of answers) {
    const next = apply(s, state, answer);
    if ("error" in next) throw new Error(`${state.stepId}: ${next.error}`);
    state = next.state;
  }
  return state;
}

// Pass mark 70%. Greeting well (empathy 2), then the free-text step: apology (empathy 3) and
// action (ownership 2); the most there is, 7 points.
const sample = load(VALID);
const strong = play(sample, [
  { type: "choice", choiceId: "a" },
  { type: "text", text: "Sorry, I will check it now." },
]);

describe("the appeal state machine", () => {
  it("goes none → contested → decided, and nowhere else", () => {
    expect(nextAppealState("none", "contest")).toBe("contested");
    expect(nextAppealState("contested", "decide")).toBe("decided");
    const refused: [AppealState, "contest" | "decide"][] = [
      ["none", "decide"],
      ["contested", "contest"],
      ["decided", "contest"],
      ["decided", "decide"],
    ];
    for (const [state, event] of refused)
      expect(nextAppealState(state, event), `${state} ${event}`).toBeNull();
  });

  it("lets a learner contest a free-text answer once, and nothing else", () => {
    const [greeting, text] = strong.turns;
    expect(contestRefusal(text, "none")).toBeNull();
    expect(contestRefusal(text, "contested")).toBe("already-contested");
    expect(contestRefusal(text, "decided")).toBe("already-contested");
    expect(contestRefusal(greeting, "none")).toBe("not-free-text");
    expect(contestRefusal(undefined, "none")).toBe("not-free-text");
  });

  it("tells a decision that kept the points from one that changed them", () => {
    expect(decisionOutcome({ empathy: 3 }, { empathy: 3, ownership: 0 })).toBe("upheld");
    expect(decisionOutcome({ empathy: 3 }, { empathy: 2 })).toBe("changed");
  });
});

describe("a pass that depends on a contested grade", () => {
  it("counts each contested answer at its rubric's minimum in the floor", () => {
    expect(result(sample, strong)).toMatchObject({ percent: 100, passed: true });
    // Only the greeting's 2 of 7 points are certain: 28%.
    expect(floorResult(sample, strong, ["explain"])).toMatchObject({ score: 2, percent: 28, passed: false });
    // Nothing contested: the floor is the result.
    expect(floorResult(sample, strong, [])).toEqual(result(sample, strong));
  });

  it("is pending when the pass would not hold at the minimum", () => {
    expect(passPending(sample, strong, ["explain"])).toBe(true);
    expect(passPending(sample, strong, [])).toBe(false);
  });

  it("is not pending when the pass holds whatever the trainer decides", () => {
    const lenient = load(VALID.replace("passScore: 70", "passScore: 25"));
    expect(passPending(lenient, strong, ["explain"])).toBe(false);
  });

  it("is not pending when there is no pass to wait for", () => {
    const weak = play(sample, [
      { type: "choice", choiceId: "a" },
      { type: "text", text: "Please wait." },
    ]);
    expect(result(sample, weak).passed).toBe(false);
    expect(passPending(sample, weak, ["explain"])).toBe(false);
  });

  it("ignores a trainer's earlier review of a contested answer: the decision is still to come", () => {
    const reviewed = {
      ...strong,
      turns: strong.turns.map((t) =>
        t.stepId === "explain"
          ? { ...t, review: { points: { empathy: 3, ownership: 2 }, comment: "", reviewerName: "T", at: "" } }
          : t,
      ),
    };
    expect(passPending(sample, reviewed, ["explain"])).toBe(true);
  });
});
