import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { certificationsWaitingOnAppeal, listAppealsForAttempt } from "@/db/queries/appeals";
import { getScenarioStandings } from "@/db/queries/practice";
import { auditLog, branches, certificates, scenarioAppeals, scenarioAttempts, users } from "@/db/schema";
import { answerScenarioStep, type StepAnswer } from "@/db/use-cases/answer-scenario-step";
import { contestGrade } from "@/db/use-cases/contest-grade";
import { reviewFreeText } from "@/db/use-cases/review-free-text";
import { startScenario } from "@/db/use-cases/start-scenario";
import { certifications } from "@/lib/certification/catalog";
import type { Certification } from "@/lib/certification/definition";
import { fileCatalog } from "@/lib/content/catalog";
import type { Scenario } from "@/lib/scenario/schema";
import { arrangePassedExam, takeCheck } from "./take-check";
import { setUpTestDb } from "./test-db";

const catalog = fileCatalog();
const def = certifications()[0] as Certification;
const T0 = new Date("2026-03-02T02:00:00Z").getTime();
const trainer = { id: "t1", name: "培训师" };
/** 赔个礼 is an apology the grader does not know: the apology's 3 empathy points are missed (82%, a pass). */
const SHORT_APOLOGY = "张先生，给您赔个礼，马上帮您查。";

const { db } = setUpTestDb(async (db) => {
  await db.insert(branches).values({ id: "b1", code: "B1", name: "总行", nameEn: "HQ", path: "/b1/" });
  await db.insert(users).values(
    ["a1", "a2", "a3", "a4", "a5", "t1"].map((id) => ({
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

function answerFor(s: Scenario, stepId: string, texts: Record<string, string>): StepAnswer {
  const step = s.steps[stepId];
  if (step?.kind === "text") return { stepId, text: texts[stepId] ?? step.modelAnswer };
  if (step?.kind === "choice" || step?.kind === "timed") {
    const total = (p: Record<string, number>) => Object.values(p).reduce((a, b) => a + b, 0);
    const best = [...step.choices].sort((a, b) => total(b.points) - total(a.points))[0];
    return { stepId, choiceId: best?.id as string };
  }
  throw new Error(`step ${stepId} takes no answer`);
}

/** Plays a scenario along its best choices, with the model answers unless `texts` says otherwise. */
async function play(userId: string, slug: string, texts: Record<string, string> = {}, start = T0) {
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
  for (let now = start + 1000; ; now += 1000) {
    const next = await answerScenarioStep({
      user: { id: userId, employeeNo: userId.toUpperCase() },
      attemptId: started.attemptId,
      answer: answerFor(s, stepId, texts),
      now,
      db,
    });
    if (next.ended) break;
    stepId = next.step.id;
  }
  const [row] = await db.select().from(scenarioAttempts).where(eq(scenarioAttempts.id, started.attemptId));
  if (!row) throw new Error("the attempt was not stored");
  return row;
}

const passChapter = (userId: string, slug: string, at = T0) =>
  takeCheck({ userId, slug, now: new Date(at), db });

const certificateCount = (userId: string) => db.$count(certificates, eq(certificates.userId, userId));

describe("contesting a grade", () => {
  it("is allowed once per free-text answer of one's own finished attempt, with a short comment, audited", async () => {
    const attempt = await play("a1", "complaint", { apologise: SHORT_APOLOGY });
    expect(attempt).toMatchObject({ percent: 82, passed: true });
    const contest = (userId: string, stepId: string, comment = "我说了赔个礼，就是道歉。") =>
      contestGrade({ user: { id: userId }, attemptId: attempt.id, stepId, comment, db });

    await expect(contest("a1", "apologise", "x")).rejects.toMatchObject({
      code: "bad_request:appeal_comment",
    });
    await expect(contest("a1", "apologise", "长".repeat(301))).rejects.toMatchObject({
      code: "bad_request:appeal_comment",
    });
    await expect(contest("a1", "arrive")).rejects.toMatchObject({ code: "bad_request:appeal", status: 400 });
    await expect(contest("a2", "apologise")).rejects.toMatchObject({ code: "not_found:play", status: 404 });

    // At the rubric's minimum the apology step costs the pass: it waits for the trainer.
    const filed = await contest("a1", "apologise");
    expect(filed.passPending).toBe(true);
    expect(filed.floorPercent).toBeLessThan(80);
    await expect(contest("a1", "apologise")).rejects.toMatchObject({ code: "conflict:appeal", status: 409 });

    const [appeal] = await listAppealsForAttempt({ attemptId: attempt.id, db });
    expect(appeal).toMatchObject({
      stepId: "apologise",
      status: "contested",
      pointsBefore: { ownership: 2 },
    });
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, "scenario.appeal"));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: "a1", targetId: `${attempt.id}#apologise` });
    expect(JSON.stringify(audits[0]?.after)).toContain("赔个礼");

    // Contesting the other free-text answer lowers the floor of both.
    await contest("a1", "explain-steps");
    const floors = (await listAppealsForAttempt({ attemptId: attempt.id, db })).map((a) => a.stepId);
    expect(floors).toEqual(["apologise", "explain-steps"]);
    const rows = await db.select().from(scenarioAppeals).where(eq(scenarioAppeals.attemptId, attempt.id));
    expect(new Set(rows.map((r) => r.floorPercent)).size).toBe(1);
    expect(rows[0]?.floorPercent).toBeLessThan(filed.floorPercent);
  });
});

describe("deciding an appeal", () => {
  it("needs points inside the rubric and a reason, then re-scores, audits and shows the decision", async () => {
    const attempt = await play("a2", "complaint", { apologise: SHORT_APOLOGY });
    await contestGrade({
      user: { id: "a2" },
      attemptId: attempt.id,
      stepId: "apologise",
      comment: "赔个礼也是道歉。",
      db,
    });
    const decide = (points: Record<string, number>, comment: string) =>
      reviewFreeText({ reviewer: trainer, attemptId: attempt.id, stepId: "apologise", points, comment, db });

    await expect(decide({ empathy: 17 }, "理由")).rejects.toMatchObject({
      code: "unprocessable:review_points",
      status: 422,
    });
    await expect(decide({ ownership: -7 }, "理由")).rejects.toMatchObject({
      code: "unprocessable:review_points",
    });
    await expect(decide({ empathy: 3, ownership: 2 }, " ")).rejects.toMatchObject({
      code: "unprocessable:appeal_reason",
    });
    expect(await db.$count(auditLog, eq(auditLog.action, "scenario.appeal_decide"))).toBe(0);

    expect(await decide({ empathy: 3, ownership: 2 }, "赔个礼就是道歉，补上道歉的 3 分。")).toBe("saved");
    const [appeal] = await listAppealsForAttempt({ attemptId: attempt.id, db });
    expect(appeal).toMatchObject({
      status: "decided",
      reason: "赔个礼就是道歉，补上道歉的 3 分。",
      pointsBefore: { ownership: 2 },
      pointsAfter: { empathy: 3, ownership: 2 },
      deciderName: "培训师",
    });
    const [after] = await db.select().from(scenarioAttempts).where(eq(scenarioAttempts.id, attempt.id));
    expect(after?.percent).toBeGreaterThan(attempt.percent ?? 0);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "scenario.appeal_decide"));
    expect(audit).toMatchObject({ actorId: "t1", targetId: `${attempt.id}#apologise` });
    expect(audit?.before).toMatchObject({ points: { ownership: 2 }, percent: 82, appeal: "contested" });
    expect(audit?.after).toMatchObject({
      points: { empathy: 3, ownership: 2 },
      appeal: "decided",
      outcome: "changed",
    });

    // Decided once: a second appeal is refused, a later review is an ordinary one.
    await expect(
      contestGrade({ user: { id: "a2" }, attemptId: attempt.id, stepId: "apologise", comment: "再申诉", db }),
    ).rejects.toMatchObject({ code: "conflict:appeal" });
    expect(await decide({ empathy: 3, ownership: 2 }, "")).toBe("saved");
    expect(await db.$count(auditLog, eq(auditLog.action, "scenario.appeal_decide"))).toBe(1);
  });

  it("reviewing another answer of the attempt moves the floor of the one still contested", async () => {
    const attempt = await play("a3", "complaint", { apologise: SHORT_APOLOGY });
    const { floorPercent } = await contestGrade({
      user: { id: "a3" },
      attemptId: attempt.id,
      stepId: "apologise",
      comment: "赔个礼也是道歉。",
      db,
    });
    await reviewFreeText({
      reviewer: trainer,
      attemptId: attempt.id,
      stepId: "explain-steps",
      points: { "clear-commitment": 0, ownership: 0, "follow-up": 0 },
      comment: "",
      db,
    });
    const [row] = await db.select().from(scenarioAppeals).where(eq(scenarioAppeals.attemptId, attempt.id));
    expect(row).toMatchObject({ status: "contested" });
    expect(row?.floorPercent).toBeLessThan(floorPercent);
    expect(await db.$count(auditLog, eq(auditLog.action, "scenario.review"))).toBeGreaterThanOrEqual(1);
  });
});

describe("a certificate that depends on a contested grade", () => {
  const [last, ...earlier] = [...def.chapters].reverse() as [string, ...string[]];

  it("waits for the decision and is issued in the decision's batch", async () => {
    await arrangePassedExam({ userId: "a4", certificationId: def.id, at: new Date(T0), db });
    for (const slug of earlier) await passChapter("a4", slug);
    await play("a4", "greeting");
    await play("a4", "listening");
    const complaint = await play("a4", "complaint", { apologise: SHORT_APOLOGY });
    expect(complaint.percent).toBeGreaterThanOrEqual(80);
    await contestGrade({
      user: { id: "a4" },
      attemptId: complaint.id,
      stepId: "apologise",
      comment: "赔个礼也是道歉。",
      db,
    });

    // The last chapter completes the rules as graded, but not at the floor: no certificate yet.
    const submitted = await passChapter("a4", last, T0 + 60_000);
    expect(submitted.certificate).toBeFalsy();
    expect(await certificateCount("a4")).toBe(0);
    expect((await certificationsWaitingOnAppeal({ userId: "a4", db })).map((d) => d.id)).toEqual([def.id]);
    const standing = (await getScenarioStandings({ userId: "a4", db })).get("complaint");
    expect(standing?.bestPercent).toBe(complaint.percent);
    expect(standing?.standingPercent).toBeLessThan(80);

    // The trainer keeps the points: the pass holds, and the certificate comes with the decision.
    const decidedAt = new Date(T0 + 120_000);
    expect(
      await reviewFreeText({
        reviewer: trainer,
        attemptId: complaint.id,
        stepId: "apologise",
        points: { ownership: 2 },
        comment: "维持原评分：回答里没有明确的道歉。",
        now: decidedAt,
        db,
      }),
    ).toBe("saved");
    const issued = await db.select().from(certificates).where(eq(certificates.userId, "a4"));
    expect(issued).toHaveLength(1);
    expect(issued[0]?.issuedAt.getTime()).toBe(Math.floor(decidedAt.getTime() / 1000) * 1000);
    expect(await certificationsWaitingOnAppeal({ userId: "a4", db })).toEqual([]);
  });

  it("does not wait when the pass holds whatever the trainer decides", async () => {
    await arrangePassedExam({ userId: "a5", certificationId: def.id, at: new Date(T0), db });
    for (const slug of earlier) await passChapter("a5", slug);
    await play("a5", "listening");
    const complaint = await play("a5", "complaint");
    // A strong complaint; the greeting's free-text answer is contested.
    const greeting = await play("a5", "greeting");
    expect(complaint.percent).toBe(100);
    const { passPending, floorPercent } = await contestGrade({
      user: { id: "a5" },
      attemptId: greeting.id,
      stepId: "welcome",
      comment: "我觉得欢迎语可以再加分。",
      db,
    });
    expect(floorPercent).toBeGreaterThanOrEqual(
      def.scenarios.find((s) => s.slug === "greeting")?.minPercent ?? 0,
    );
    expect(passPending).toBe(false);
    await passChapter("a5", last, T0 + 60_000);
    expect(await certificateCount("a5")).toBe(1);
    const open = await db
      .select()
      .from(scenarioAppeals)
      .where(and(eq(scenarioAppeals.userId, "a5"), eq(scenarioAppeals.status, "contested")));
    expect(open).toHaveLength(1);
  });
});
