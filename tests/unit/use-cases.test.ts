import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getScenarioAttempt } from "@/db/queries/practice";
import {
  auditLog,
  branches,
  certificates,
  learnerItemStats,
  scenarioAttempts,
  scenarioScores,
  users,
} from "@/db/schema";
import { answerScenarioStep, type StepAnswer } from "@/db/use-cases/answer-scenario-step";
import { reviewFreeText } from "@/db/use-cases/review-free-text";
import { startScenario } from "@/db/use-cases/start-scenario";
import { certifications } from "@/lib/certification/catalog";
import type { Certification } from "@/lib/certification/definition";
import { fileCatalog } from "@/lib/content/catalog";
import type { Scenario } from "@/lib/scenario/schema";
import { GRACE_MS } from "@/lib/scenario/timing";
import { arrangePassedExam, takeCheck } from "./take-check";
import { setUpTestDb } from "./test-db";

const catalog = fileCatalog();
const def = certifications()[0] as Certification;
const T0 = new Date("2026-03-02T02:00:00Z").getTime();

const { db } = setUpTestDb(async (db) => {
  await db.insert(branches).values({ id: "b1", code: "B1", name: "总行", nameEn: "HQ", path: "/b1/" });
  await db.insert(users).values(
    ["l1", "l2", "l3", "l4", "l5", "l6", "t1"].map((id) => ({
      id,
      employeeNo: id.toUpperCase(),
      name: id === "t1" ? "培训师" : `学员${id}`,
      role: id === "t1" ? ("trainer" as const) : ("learner" as const),
      branchId: "b1",
      hireDate: "2026-01-01",
    })),
  );
});

function scenario(slug: string): Scenario {
  const found = catalog.findScenario(slug, "zh-CN");
  if (!found) throw new Error(`no scenario ${slug}`);
  return found.scenario;
}

/** The best answer to a step: the choice with most points, or the model answer. */
function bestAnswer(s: Scenario, stepId: string): StepAnswer {
  const step = s.steps[stepId];
  if (step?.kind === "text") return { stepId, text: step.modelAnswer };
  if (step?.kind === "choice" || step?.kind === "timed") {
    const total = (p: Record<string, number>) => Object.values(p).reduce((a, b) => a + b, 0);
    const best = [...step.choices].sort((a, b) => total(b.points) - total(a.points))[0];
    return { stepId, choiceId: best?.id as string };
  }
  throw new Error(`step ${stepId} takes no answer`);
}

/** Plays a scenario to its end along the best path, one second per step. */
async function playThrough(userId: string, slug: string, start = T0) {
  const s = scenario(slug);
  const started = await startScenario({
    user: { id: userId },
    slug,
    locale: "zh-CN",
    extendedTime: false,
    now: start,
    db,
  });
  let stepId = started.step.id;
  let now = start;
  for (;;) {
    now += 1000;
    const next = await answerScenarioStep({
      user: { id: userId, employeeNo: userId.toUpperCase() },
      attemptId: started.attemptId,
      answer: bestAnswer(s, stepId),
      now,
      db,
    });
    if (next.ended) return { attemptId: started.attemptId, now, resultUrl: next.resultUrl };
    stepId = next.step.id;
  }
}

describe("answerScenarioStep", () => {
  const greeting = scenario("greeting");
  const arrive = greeting.steps[greeting.start];
  if (arrive?.kind !== "timed") throw new Error("the greeting starts with a timed step");

  async function begin(userId: string, extendedTime = false) {
    const started = await startScenario({
      user: { id: userId },
      slug: "greeting",
      locale: "zh-CN",
      extendedTime,
      now: T0,
      db,
    });
    return started;
  }
  const answer = (userId: string, attemptId: string, body: StepAnswer, now: number) =>
    answerScenarioStep({
      user: { id: userId, employeeNo: userId.toUpperCase() },
      attemptId,
      answer: body,
      now,
      db,
    });

  it("shows only the first step's words when it starts", async () => {
    const started = await begin("l4");
    expect(started).toMatchObject({ step: { id: greeting.start, kind: "timed" }, timeAllowedMs: 7000 });
    expect(JSON.stringify(started.step)).not.toMatch(/points|feedback|next/);
  });

  it("turns a choice sent after the time (and its grace) into a timeout, on the server's clock", async () => {
    const inTime = await begin("l4");
    const good = arrive.choices[0]?.id as string;
    const quick = await answer(
      "l4",
      inTime.attemptId,
      { stepId: greeting.start, choiceId: good },
      T0 + 7000 + GRACE_MS,
    );
    expect(quick).toMatchObject({ ended: false, timedOut: false, step: { id: arrive.choices[0]?.next } });

    const late = await begin("l4");
    const slow = await answer(
      "l4",
      late.attemptId,
      { stepId: greeting.start, choiceId: good },
      T0 + 7000 + GRACE_MS + 1,
    );
    expect(slow).toMatchObject({ ended: false, timedOut: true, step: { id: arrive.onTimeout.next } });
    const stored = await getScenarioAttempt({ id: late.attemptId, userId: "l4", db });
    expect(stored?.state.turns[0]?.answer).toEqual({ type: "timeout" });

    const extended = await begin("l4", true);
    expect(extended.timeAllowedMs).toBe(14_000);
    const patient = await answer(
      "l4",
      extended.attemptId,
      { stepId: greeting.start, choiceId: good },
      T0 + 9000,
    );
    expect(patient).toMatchObject({ timedOut: false });
  });

  it("refuses a replayed or skipped step, a foreign attempt and an unknown choice, changing nothing", async () => {
    const { attemptId } = await begin("l4");
    const first = arrive.choices[0]?.id as string;
    await expect(
      answer("l4", attemptId, { stepId: greeting.start, choiceId: "zz" }, T0 + 1000),
    ).rejects.toMatchObject({ code: "bad_request:choice", status: 400 });
    await expect(
      answer("l4", attemptId, { stepId: greeting.start, text: "您好" }, T0 + 1000),
    ).rejects.toMatchObject({ code: "bad_request:answer_type", status: 400 });
    await answer("l4", attemptId, { stepId: greeting.start, choiceId: first }, T0 + 1000);
    await expect(
      answer("l4", attemptId, { stepId: greeting.start, choiceId: first }, T0 + 2000),
    ).rejects.toMatchObject({ code: "conflict:step", status: 409 });
    await expect(
      answer("l5", attemptId, { stepId: greeting.start, choiceId: first }, T0 + 2000),
    ).rejects.toMatchObject({ code: "not_found:play", status: 404 });
    expect((await getScenarioAttempt({ id: attemptId, userId: "l4", db }))?.version).toBe(1);
  });

  it("lets one of two concurrent answers to the same step win (the version guard)", async () => {
    const { attemptId } = await begin("l4");
    const [a, b] = arrive.choices.map((c) => c.id) as [string, string];
    const outcomes = await Promise.allSettled([
      answer("l4", attemptId, { stepId: greeting.start, choiceId: a }, T0 + 1000),
      answer("l4", attemptId, { stepId: greeting.start, choiceId: b }, T0 + 1000),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
    const stored = await getScenarioAttempt({ id: attemptId, userId: "l4", db });
    expect(stored?.state.turns).toHaveLength(1);
  });

  it("stores the scores and the summary in the finishing step's batch", async () => {
    const { attemptId, resultUrl } = await playThrough("l4", "greeting");
    expect(resultUrl).toBe(`/practice/greeting/result/${attemptId}`);
    const [row] = await db.select().from(scenarioAttempts).where(eq(scenarioAttempts.id, attemptId));
    expect(row).toMatchObject({ status: "completed", passed: true });
    const scores = await db.select().from(scenarioScores).where(eq(scenarioScores.attemptId, attemptId));
    expect(scores.map((s) => s.competency).sort()).toEqual(greeting.competencies.map((c) => c.id).sort());
    const stat = await db
      .select()
      .from(learnerItemStats)
      .where(and(eq(learnerItemStats.userId, "l4"), eq(learnerItemStats.itemSlug, "greeting")));
    expect(stat[0]).toMatchObject({ itemType: "scenario", passed: true });
  });
});

describe("reviewFreeText", () => {
  it("re-scores the attempt, writes the audit entry, and reports a concurrent review as a conflict", async () => {
    const { attemptId } = await playThrough("l5", "complaint");
    const attempt = await getScenarioAttempt({ id: attemptId, userId: "l5", db });
    const turn = attempt?.state.turns.find((t) => t.answer.type === "text");
    if (!turn) throw new Error("the complaint has a free-text step");
    const competency = Object.keys(turn.points)[0] as string;
    const review = (points: number) =>
      reviewFreeText({
        reviewer: { id: "t1", name: "培训师" },
        attemptId,
        stepId: turn.stepId,
        points: { [competency]: points },
        comment: "语气很好",
        db,
      });
    const outcomes = await Promise.all([review(0), review(1)]);
    expect(outcomes.sort()).toEqual(["conflict", "saved"]);
    const [after] = await db.select().from(scenarioAttempts).where(eq(scenarioAttempts.id, attemptId));
    expect(after?.version).toBe((attempt?.version ?? 0) + 1);
    expect(after?.percent).toBeLessThan(attempt?.percent ?? 0);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "scenario.review"));
    expect(audits).toHaveLength(1);
    expect(audits[0]?.targetId).toBe(`${attemptId}#${turn.stepId}`);
  });

  it("refuses points for a competency the step does not grade, and attempts that are not finished", async () => {
    const { attemptId } = await playThrough("l5", "complaint", T0 + 3_600_000);
    const attempt = await getScenarioAttempt({ id: attemptId, userId: "l5", db });
    const stepId = attempt?.state.turns.find((t) => t.answer.type === "text")?.stepId as string;
    const reviewer = { id: "t1", name: "培训师" };
    await expect(
      reviewFreeText({ reviewer, attemptId, stepId, points: { nonsense: 1 }, comment: "", db }),
    ).rejects.toMatchObject({ code: "bad_request:form" });
    const open = await startScenario({
      user: { id: "l5" },
      slug: "complaint",
      locale: "zh-CN",
      extendedTime: false,
      db,
    });
    await expect(
      reviewFreeText({ reviewer, attemptId: open.attemptId, stepId, points: {}, comment: "", db }),
    ).rejects.toMatchObject({ code: "not_found:play" });
  });
});

describe("the issuance path", () => {
  it("issues one certificate when the last two requirements are met by concurrent submissions", async () => {
    const [a, b, ...rest] = [...def.chapters] as [string, string, ...string[]];
    const when = new Date(T0);
    await arrangePassedExam({ userId: "l6", certificationId: def.id, at: when, db });
    for (const slug of rest) await takeCheck({ userId: "l6", slug, now: when, db });
    for (const s of def.scenarios) await playThrough("l6", s.slug, T0);
    expect(await db.$count(certificates, eq(certificates.userId, "l6"))).toBe(0);

    // Each batch decides before the other has written, so neither issues; the later one catches up.
    const submit = (slug: string) => takeCheck({ userId: "l6", slug, now: new Date(T0 + 60_000), db });
    const results = await Promise.all([submit(a), submit(b)]);
    expect(await db.$count(certificates, eq(certificates.userId, "l6"))).toBe(1);
    expect(results.filter((r) => r.certificate).length).toBeGreaterThanOrEqual(1);
  });
});
