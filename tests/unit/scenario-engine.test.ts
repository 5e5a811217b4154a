import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Answer, apply, type PlayState, publicStep, result, start } from "@/lib/scenario/engine";
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

const sample = load(VALID);

describe("scenario engine", () => {
  it("plays the best path to the satisfied ending with full marks", () => {
    const state = play(sample, [
      { type: "choice", choiceId: "a" },
      { type: "text", text: "I'm so sorry. I will check it right away." },
    ]);
    expect(state).toMatchObject({ stepId: "happy", ended: true });
    const r = result(sample, state);
    expect(r).toMatchObject({ score: 7, max: 7, percent: 100, passed: true });
    expect(r.outcome?.id).toBe("satisfied");
    expect(r.competencies.map((c) => [c.id, c.score, c.max])).toEqual([
      ["empathy", 5, 5],
      ["ownership", 2, 2],
    ]);
  });

  it("takes the timeout path when time runs out, with its points and mood", () => {
    const state = play(sample, [{ type: "timeout" }]);
    expect(state.stepId).toBe("upset");
    expect(state.turns[0]).toMatchObject({ points: { empathy: -2 }, moodAfter: 3 });
    const r = result(sample, state);
    expect(r).toMatchObject({ percent: 0, passed: false });
    expect(r.outcome?.id).toBe("left-unhappy");
  });

  it("branches a free-text answer on its rubric points", () => {
    const state = play(sample, [
      { type: "choice", choiceId: "a" },
      { type: "text", text: "We will check." },
    ]);
    expect(state.stepId).toBe("upset");
    expect(state.turns[1]?.grade?.missed.map((m) => m.id)).toEqual(["apology"]);
  });

  it("refuses answers that do not fit the step and changes nothing", () => {
    const s0 = start(sample);
    expect(apply(sample, s0, { type: "choice", choiceId: "z" })).toEqual({ error: "unknown-choice" });
    expect(apply(sample, s0, { type: "text", text: "hi" })).toEqual({ error: "wrong-answer-type" });
    const atText = play(sample, [{ type: "choice", choiceId: "a" }]);
    expect(apply(sample, atText, { type: "timeout" })).toEqual({ error: "wrong-answer-type" });
    expect(apply(sample, atText, { type: "text", text: "   " })).toEqual({ error: "empty-text" });
    const ended = play(sample, [{ type: "timeout" }]);
    expect(apply(sample, ended, { type: "choice", choiceId: "a" })).toEqual({ error: "ended" });
  });

  it("never sends points, feedback or targets to the browser", () => {
    const json = JSON.stringify(publicStep(sample, "arrive"));
    expect(json).not.toMatch(/points|feedback|next|empathy|Good\./);
    expect(publicStep(sample, "arrive")).toMatchObject({
      kind: "timed",
      timeLimit: 7,
      choices: [{ id: "a" }, { id: "b" }],
    });
  });
});

describe("the shipped complaint scenario", () => {
  const complaint = load(readFileSync("content/scenarios/complaint.zh-CN.yaml", "utf8"));
  const model = (id: string) => {
    const step = complaint.steps[id];
    if (step?.kind !== "text") throw new Error(`${id} is not a text step`);
    return step.modelAnswer;
  };

  it("the best path, with the model answers, passes with the satisfied ending", () => {
    const c = (choiceId: string): Answer => ({ type: "choice", choiceId });
    const state = play(complaint, [
      c("a"),
      c("a"),
      { type: "text", text: model("apologise") },
      c("a"),
      { type: "text", text: model("explain-steps") },
      c("a"),
      c("a"),
      c("a"),
    ]);
    const r = result(complaint, state);
    expect(r.outcome?.id).toBe("satisfied");
    expect(r.passed).toBe(true);
    expect(r.percent).toBe(100);
  });

  it("blaming the system ends in an escalation", () => {
    const c = (choiceId: string): Answer => ({ type: "choice", choiceId });
    const state = play(complaint, [
      c("a"),
      c("a"),
      { type: "text", text: model("apologise") },
      c("c"),
      c("b"),
    ]);
    const r = result(complaint, state);
    expect(["escalated-manager", "regulator-complaint"]).toContain(r.outcome?.id);
    expect(r.passed).toBe(false);
  });
});

describe("trainer review", () => {
  it("a reviewed free-text turn counts with the trainer's points", () => {
    const state = play(sample, [
      { type: "choice", choiceId: "a" },
      { type: "text", text: "We will check." },
    ]);
    expect(result(sample, state).percent).toBe(57);
    const turns = state.turns.map((t) =>
      t.stepId === "explain"
        ? { ...t, review: { points: { empathy: 3, ownership: 2 }, comment: "ok", reviewerName: "T", at: "" } }
        : t,
    );
    expect(result(sample, { ...state, turns })).toMatchObject({ score: 7, percent: 100 });
  });
});
