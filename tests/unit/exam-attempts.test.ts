import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { findAttempt } from "@/db/queries/assessment-attempts";
import { itemSumsForChapter } from "@/db/queries/item-stats";
import { branches, certificates, checkAttempts, reviewCards, scenarioAttempts, users } from "@/db/schema";
import { closeExam } from "@/db/use-cases/close-exam";
import { examState, startExam } from "@/db/use-cases/exam-attempt";
import { saveAnswers } from "@/db/use-cases/save-answers";
import type { AttemptItem } from "@/lib/assessment/attempt-items";
import { certifications } from "@/lib/certification/catalog";
import type { Certification } from "@/lib/certification/definition";
import { examShares } from "@/lib/certification/definition";
import { fileCatalog } from "@/lib/content/catalog";
import type { Question } from "@/lib/content/types";
import { isAppError } from "@/lib/errors";
import { setUpTestDb } from "./test-db";

const { db } = setUpTestDb();
const def = certifications()[0] as Certification;
const T0 = new Date("2026-04-01T02:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const key = new Map(
  def.chapters.flatMap((slug) => {
    const entry = fileCatalog().findChapter(slug, "zh-CN");
    return entry?.result.ok
      ? entry.result.chapter.questions.map((q): [string, Question] => [`${slug}/${q.id}`, q])
      : [];
  }),
);

/** Tokens answering each item right, or wrong for the first `wrong` of them. */
function answersFor(items: readonly AttemptItem[], wrong = 0, count = items.length) {
  return Object.fromEntries(
    items.slice(0, count).map((item, i) => {
      const q = key.get(item.key);
      const isRight = (optionId: string) => q?.options.find((o) => o.id === optionId)?.correct ?? false;
      const tokens = item.options.filter((o) => isRight(o.optionId) !== i < wrong).map((o) => o.token);
      return [item.key, i < wrong ? tokens.slice(0, 1) : tokens];
    }),
  );
}

async function ready(userId: string) {
  await db
    .insert(users)
    .values({ id: userId, employeeNo: userId, name: userId, branchId: "b1", hireDate: "2026-01-01" });
  await db.batch([
    ...def.chapters.map((slug) =>
      db.insert(checkAttempts).values({
        id: crypto.randomUUID(),
        userId,
        moduleSlug: slug,
        contentVersion: "v",
        locale: "zh-CN",
        answers: {},
        score: 8,
        maxScore: 8,
        percent: 100,
        passed: true,
        createdAt: at(-600),
      }),
    ),
    ...def.scenarios.map((s) =>
      db.insert(scenarioAttempts).values({
        userId,
        scenarioSlug: s.slug,
        contentVersion: "v",
        locale: "zh-CN",
        state: {} as never,
        stepStartedAt: 0,
        status: "completed",
        score: 90,
        maxScore: 100,
        percent: 90,
        passed: true,
        completedAt: at(-600),
      }),
    ),
  ] as never);
}

async function refused(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { status: e.status, code: e.code };
    throw e;
  }
  throw new Error("expected a refusal");
}

const who = (id: string) => ({ user: { id }, certificationId: def.id, locale: "zh-CN" as const, db });
const stored = async (id: string) => {
  const a = await findAttempt({ id, db });
  if (!a) throw new Error("no attempt");
  return a;
};

beforeAll(async () => {
  await db.insert(branches).values({ id: "b1", code: "B1", name: "总行", nameEn: "HQ", path: "/b1/" });
});

describe("the certification exam", () => {
  it("opens only once the other requirements are met", async () => {
    await db
      .insert(users)
      .values({ id: "n1", employeeNo: "n1", name: "n1", branchId: "b1", hireDate: "2026-01-01" });
    const state = await examState({ ...who("n1"), now: T0 });
    expect(state.eligibility).toMatchObject({ may: false, reason: "requirements" });
    expect(await refused(startExam({ ...who("n1"), now: T0 }))).toMatchObject({
      status: 409,
      code: "conflict:exam_eligibility",
    });
  });

  it("draws each chapter's share, holds the deadline, autosaves and resumes with the time left", async () => {
    await ready("e1");
    const state = await startExam({ ...who("e1"), now: T0 });
    const open = state.open;
    if (!open) throw new Error("not started");
    expect(open.items).toHaveLength(30);
    const perChapter = new Map<string, number>();
    for (const i of open.items)
      perChapter.set(i.key.split("/")[0] ?? "", (perChapter.get(i.key.split("/")[0] ?? "") ?? 0) + 1);
    expect([...perChapter]).toEqual(examShares(def).map((s) => [s.slug, s.count]));
    expect(open.remainingSeconds).toBe(30 * 60);
    expect(JSON.stringify(state)).not.toMatch(/"correct"|feedback|optionId/);
    const attempt = await stored(open.attemptId);
    await saveAnswers({
      user: { id: "e1" },
      attemptId: attempt.id,
      answers: answersFor(attempt.items, 0, 10),
      now: at(5),
      db,
    });
    const again = await examState({ ...who("e1"), now: at(12) });
    expect(again.open?.attemptId).toBe(attempt.id);
    expect(again.open?.remainingSeconds).toBe(18 * 60);
    expect(Object.keys(again.open?.saved ?? {})).toHaveLength(10);
    expect((await startExam({ ...who("e1"), now: at(13) })).open?.attemptId).toBe(attempt.id);
  });

  it("closes at the deadline with what was saved, lazily and once; late answers are not stored", async () => {
    const attempt = await stored((await examState({ ...who("e1"), now: at(14) })).open?.attemptId ?? "");
    expect(
      await refused(
        saveAnswers({
          user: { id: "e1" },
          attemptId: attempt.id,
          answers: answersFor(attempt.items),
          now: at(30),
          db,
        }),
      ),
    ).toMatchObject({ status: 409, code: "conflict:deadline" });
    // A late submission with every answer right scores only the ten saved before the deadline.
    const closed = await closeExam({
      user: { id: "e1" },
      certificationId: def.id,
      attemptId: attempt.id,
      answers: answersFor(attempt.items),
      now: at(31),
      db,
    });
    expect(closed).toMatchObject({ closeReason: "deadline", closedAt: at(30), percent: 33, passed: false });
    expect(Object.keys(closed.saved)).toHaveLength(10);
    const state = await examState({ ...who("e1"), now: at(40) });
    expect(state.last).toMatchObject({
      attemptId: attempt.id,
      reason: "deadline",
      review: { shows: "wrong" },
    });
    expect(state.last?.review.shows === "wrong" && state.last.review.wrong).toHaveLength(20);
    expect(JSON.stringify(state.last)).not.toMatch(/"correct"|feedback|token/);
    expect(state.eligibility).toMatchObject({
      may: false,
      reason: "retake-wait",
      opensAt: new Date(T0.getTime() + 86_400_000),
    });
    const [slug, questionId] = attempt.items[0]?.key.split("/") ?? [];
    expect(
      (await itemSumsForChapter({ slug: slug ?? "", scope: "/", db })).get(questionId ?? "")?.drawn,
    ).toBe(1);
    const cards = await db.select().from(reviewCards).where(eq(reviewCards.userId, "e1"));
    expect(cards).toHaveLength(20);
    expect(await refused(startExam({ ...who("e1"), now: at(60) }))).toMatchObject({ status: 409 });
  });

  it("closes lazily on the next request after the deadline, the same way every time", async () => {
    await ready("e2");
    const open = (await startExam({ ...who("e2"), now: T0 })).open;
    const attempt = await stored(open?.attemptId ?? "");
    await saveAnswers({
      user: { id: "e2" },
      attemptId: attempt.id,
      answers: answersFor(attempt.items, 1, 5),
      now: at(1),
      db,
    });
    const first = await examState({ ...who("e2"), now: at(45) });
    const second = await examState({ ...who("e2"), now: at(50) });
    expect(first.open).toBeNull();
    expect(second.last).toEqual(first.last);
    expect(await stored(attempt.id)).toMatchObject({ closeReason: "deadline", closedAt: at(30), score: 4 });
  });

  it("refuses tampering; a pass the next day issues the certificate with the exam in its snapshot", async () => {
    const nextDay = at(24 * 60);
    const open = (await startExam({ ...who("e1"), now: nextDay })).open;
    const attempt = await stored(open?.attemptId ?? "");
    const previous = (
      await db.query.assessmentAttempts.findMany({ where: (a, { eq: is }) => is(a.userId, "e1") })
    )
      .filter((a) => a.id !== attempt.id)
      .flatMap((a) => a.items.map((i) => i.key));
    const repeated = attempt.items.filter((i) => previous.includes(i.key));
    expect(repeated.length).toBeLessThan(attempt.items.length);
    const full = answersFor(attempt.items);
    const submit = (answers: Record<string, string[]>, userId = "e1") =>
      closeExam({
        user: { id: userId },
        certificationId: def.id,
        attemptId: attempt.id,
        answers,
        now: at(24 * 60 + 20),
        db,
      });
    expect(await refused(submit({ ...full, "basic-skills/nope": ["x"] }))).toMatchObject({
      status: 400,
      code: "bad_request:undrawn_question",
    });
    expect(await refused(submit(full, "e2"))).toMatchObject({ status: 404 });
    expect((await stored(attempt.id)).closedAt).toBeNull();
    const passed = await submit(full);
    expect(passed).toMatchObject({ closeReason: "submitted", percent: 100, passed: true });
    const [cert] = await db.select().from(certificates).where(eq(certificates.userId, "e1"));
    expect(cert?.snapshot[`exam:${def.id}`]).toBe(100);
    expect(cert?.issuedAt).toEqual(at(24 * 60 + 20));
    const state = await examState({ ...who("e1"), now: at(24 * 60 + 21) });
    expect(state.last?.certificate?.code).toBe(cert?.code);
    expect(state.eligibility).toMatchObject({ may: false, reason: "already-certified" });
    // The same submission again gets the stored result; a different one is refused.
    expect((await submit(full)).closeId).toBe(passed.closeId);
    expect(await refused(submit(answersFor(attempt.items, 3)))).toMatchObject({
      status: 409,
      code: "conflict:attempt_closed",
    });
    expect(await db.select().from(certificates).where(eq(certificates.userId, "e1"))).toHaveLength(1);
  });
});
