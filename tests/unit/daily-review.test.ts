import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { findAttempt } from "@/db/queries/assessment-attempts";
import { branches, reviewAnswers, reviewCards, users } from "@/db/schema";
import { answerReview, reviewState, startReview } from "@/db/use-cases/daily-review";
import { fileCatalog } from "@/lib/content/catalog";
import { isAppError } from "@/lib/errors";
import { setUpTestDb } from "./test-db";

const { db } = setUpTestDb();
const SLUG = "complaint-handling";
const entry = fileCatalog().findChapter(SLUG, "zh-CN");
if (!entry?.result.ok) throw new Error("chapter does not compile");
const questions = entry.result.chapter.questions;
// Monday 2 March 2026, 10:00 Beijing time; the Beijing day turns at 16:00 UTC.
const MISTAKE = new Date("2026-03-02T02:00:00Z");
const day = (n: number, hourUtc = 2) => new Date(Date.UTC(2026, 2, 2 + n, hourUtc));

async function refused(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return { status: e.status, code: e.code };
    throw e;
  }
  throw new Error("expected a refusal");
}

async function addCards(userId: string, ids: string[], box = 1, dueAt = new Date("2026-03-02T16:00:00Z")) {
  await db
    .insert(users)
    .values({ id: userId, employeeNo: userId, name: userId, branchId: "b1", hireDate: "2026-01-01" });
  await db
    .insert(reviewCards)
    .values(ids.map((questionId) => ({ userId, slug: SLUG, questionId, box, dueAt, mistakeAt: MISTAKE })));
}

/** Answers a question of the open review right or wrong, through the attempt's tokens. */
async function answer(userId: string, attemptId: string, key: string, right: boolean, now: Date) {
  const attempt = await findAttempt({ id: attemptId, db });
  const item = attempt?.items.find((i) => i.key === key);
  const q = questions.find((x) => x.id === item?.questionId);
  const ok = (id: string) => q?.options.find((o) => o.id === id)?.correct ?? false;
  const tokens = (item?.options ?? []).filter((o) => ok(o.optionId) === right).map((o) => o.token);
  return answerReview({
    user: { id: userId },
    attemptId,
    key,
    tokens: right ? tokens : tokens.slice(0, 1),
    locale: "zh-CN",
    now,
    db,
  });
}

const card = async (userId: string, questionId: string) =>
  (
    await db
      .select()
      .from(reviewCards)
      .where(and(eq(reviewCards.userId, userId), eq(reviewCards.questionId, questionId)))
  )[0];

beforeAll(async () => {
  await db.insert(branches).values({ id: "b1", code: "B1", name: "总行", nameEn: "HQ", path: "/b1/" });
});

describe("the daily review", () => {
  it("offers a missed question from the next Beijing day, up to 5 at a time", async () => {
    await addCards(
      "r1",
      questions.slice(0, 7).map((q) => q.id),
    );
    expect(await reviewState({ user: { id: "r1" }, locale: "zh-CN", now: day(0, 15), db })).toMatchObject({
      due: 0,
      waiting: 7,
      open: null,
    });
    expect(
      await refused(startReview({ user: { id: "r1" }, locale: "zh-CN", now: day(0, 15), db })),
    ).toMatchObject({
      status: 404,
      code: "not_found:review_due",
    });
    const state = await startReview({ user: { id: "r1" }, locale: "zh-CN", now: day(0, 16), db });
    expect(state.open?.items).toHaveLength(5);
    expect(JSON.stringify(state)).not.toMatch(/"correct"|feedback|optionId/);
    expect(
      (await reviewState({ user: { id: "r1" }, locale: "zh-CN", now: day(1), db })).open?.attemptId,
    ).toBe(state.open?.attemptId);
  });

  it("scores each answer on the server with full feedback, moves the card, and closes when all are answered", async () => {
    const state = await reviewState({ user: { id: "r1" }, locale: "zh-CN", now: day(1), db });
    const open = state.open;
    if (!open) throw new Error("no open review");
    const [first, second, ...rest] = open.items;
    if (!first || !second) throw new Error("too few");
    const right = await answer("r1", open.attemptId, first.key, true, day(1));
    expect(right.question).toMatchObject({ key: first.key, correct: true });
    expect(right.question.options.some((o) => o.correct && o.feedback)).toBe(true);
    expect(right.nextDueAt).toEqual(new Date("2026-03-05T16:00:00Z")); // box 2: three days on
    expect(await card("r1", first.key.split("/")[1] ?? "")).toMatchObject({ box: 2 });
    const wrong = await answer("r1", open.attemptId, second.key, false, day(1));
    expect(wrong.question.correct).toBe(false);
    expect(wrong.question.options.filter((o) => o.correct).length).toBeGreaterThan(0);
    expect(await card("r1", second.key.split("/")[1] ?? "")).toMatchObject({
      box: 1,
      dueAt: new Date("2026-03-03T16:00:00Z"),
    });
    expect(await refused(answer("r1", open.attemptId, first.key, true, day(1)))).toMatchObject({
      status: 409,
      code: "conflict:review_answered",
    });
    const reloaded = await reviewState({ user: { id: "r1" }, locale: "zh-CN", now: day(1), db });
    expect(Object.keys(reloaded.open?.answered ?? {})).toEqual([first.key, second.key]);
    let last = wrong;
    for (const item of rest) last = await answer("r1", open.attemptId, item.key, true, day(1));
    expect(last.done).toBe(true);
    const after = await reviewState({ user: { id: "r1" }, locale: "zh-CN", now: day(1), db });
    expect(after).toMatchObject({ doneToday: true, open: null, finished: { right: 4, total: 5 } });
    expect(
      await refused(startReview({ user: { id: "r1" }, locale: "zh-CN", now: day(1), db })),
    ).toMatchObject({
      status: 409,
      code: "conflict:review_done",
    });
    expect(await db.select().from(reviewAnswers).where(eq(reviewAnswers.userId, "r1"))).toHaveLength(5);
  });

  it("takes the question out of the queue after a right answer in the last box", async () => {
    const id = questions[0]?.id ?? "";
    await addCards("r2", [id], 4, day(0));
    const open = (await startReview({ user: { id: "r2" }, locale: "zh-CN", now: day(1), db })).open;
    const done = await answer("r2", open?.attemptId ?? "", `${SLUG}/${id}`, true, day(1));
    expect(done).toMatchObject({ nextDueAt: null, done: true });
    expect(await card("r2", id)).toBeUndefined();
  });

  it("refuses another learner's review and tokens of another question", async () => {
    const open = (await startReview({ user: { id: "r1" }, locale: "zh-CN", now: day(2), db })).open;
    if (!open) throw new Error("the wrong one is due again");
    const [item] = open.items;
    expect(
      await refused(
        answerReview({
          user: { id: "r2" },
          attemptId: open.attemptId,
          key: item?.key ?? "",
          tokens: ["x"],
          locale: "zh-CN",
          now: day(2),
          db,
        }),
      ),
    ).toMatchObject({ status: 404 });
    expect(
      await refused(
        answerReview({
          user: { id: "r1" },
          attemptId: open.attemptId,
          key: item?.key ?? "",
          tokens: ["zzzz"],
          locale: "zh-CN",
          now: day(2),
          db,
        }),
      ),
    ).toMatchObject({ status: 400, code: "bad_request:unknown_token" });
  });
});
