import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { findAttempt } from "@/db/queries/assessment-attempts";
import { itemSumsForChapter, questionKeys, rebuildItemStats } from "@/db/queries/item-stats";
import {
  assessmentAttempts,
  branches,
  checkAttempts,
  itemOptionStats,
  itemStats,
  learnerItemStats,
  reviewCards,
  users,
} from "@/db/schema";
import { checkState, startCheck } from "@/db/use-cases/check-attempt";
import { saveAnswers } from "@/db/use-cases/save-answers";
import { submitCheck } from "@/db/use-cases/submit-check";
import type { AttemptItem } from "@/lib/assessment/attempt-items";
import { fileCatalog } from "@/lib/content/catalog";
import { isAppError } from "@/lib/errors";
import { setUpTestDb } from "./test-db";

const { db } = setUpTestDb();
const SLUG = "basic-skills";
const entry = fileCatalog().findChapter(SLUG, "zh-CN");
if (!entry?.result.ok) throw new Error("chapter does not compile");
const chapter = entry.result.chapter;
const keyOf = new Map(chapter.questions.map((q) => [q.id, q]));

// 10:00 Beijing time on a Monday.
const T0 = new Date("2026-03-02T02:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

beforeAll(async () => {
  await db.insert(branches).values({ id: "b1", code: "B1", name: "总行", nameEn: "HQ", path: "/b1/" });
  await db.insert(users).values(
    ["u1", "u2", "u3", "u4"].map((id) => ({
      id,
      employeeNo: id,
      name: id,
      branchId: "b1",
      hireDate: "2026-01-01",
    })),
  );
});

/** Tokens answering each item right, except the first `wrong` items (answered with a wrong option). */
function answersFor(items: readonly AttemptItem[], wrong = 0) {
  return Object.fromEntries(
    items.map((item, i) => {
      const q = keyOf.get(item.questionId);
      const pick = (o: { optionId: string }) => {
        const correct = q?.options.find((x) => x.id === o.optionId)?.correct ?? false;
        return i < wrong ? !correct : correct;
      };
      const tokens = item.options.filter(pick).map((o) => o.token);
      return [item.key, i < wrong ? tokens.slice(0, 1) : tokens];
    }),
  );
}

async function started(userId: string, now: Date) {
  const state = await startCheck({ user: { id: userId }, slug: SLUG, locale: "zh-CN", now, db });
  const attempt = state.open ? await findAttempt({ id: state.open.attemptId, db }) : null;
  if (!attempt) throw new Error("no open attempt");
  return { state, attempt };
}

/** A check started and submitted at `now`, the first `wrong` items answered wrong; the attempt. */
async function taken(userId: string, now: Date, wrong: number) {
  const { attempt } = await started(userId, now);
  const answers = answersFor(attempt.items, wrong);
  await submitCheck({
    user: { id: userId },
    slug: SLUG,
    attemptId: attempt.id,
    answers,
    locale: "zh-CN",
    now,
    db,
  });
  return attempt;
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

const stored = async (id: string) => ({
  check: await db.select().from(checkAttempts).where(eq(checkAttempts.id, id)),
  attempt: await findAttempt({ id, db }),
});

describe("a knowledge-check attempt held by the server", () => {
  it("draws 8 of the pool pinned to the revision, sends no key, and a reload resumes it", async () => {
    const { state, attempt } = await started("u1", T0);
    expect(state.policy).toEqual({
      draw: 8,
      passScore: 80,
      attemptsPerDay: 3,
      cooldownMinutes: 10,
      review: "after-pass",
    });
    expect(attempt.items).toHaveLength(8);
    expect(new Set(attempt.items.map((i) => i.questionId)).size).toBe(8);
    expect(attempt.revisions).toEqual({ [SLUG]: chapter.version });
    const shown = JSON.stringify(state);
    expect(shown).not.toMatch(/"correct"|feedback|optionId|seed/);
    expect(shown).not.toContain(attempt.seed);
    const again = await startCheck({ user: { id: "u1" }, slug: SLUG, locale: "zh-CN", now: minutes(1), db });
    expect(again.open?.attemptId).toBe(attempt.id);
    expect(again.open?.items.map((i) => i.key)).toEqual(state.open?.items.map((i) => i.key));
  });

  it("saves answers as the learner goes, so a reload shows them", async () => {
    const { attempt } = await started("u1", T0);
    const some = Object.fromEntries(Object.entries(answersFor(attempt.items)).slice(0, 3));
    await saveAnswers({ user: { id: "u1" }, attemptId: attempt.id, answers: some, now: minutes(2), db });
    const state = await checkState({ user: { id: "u1" }, slug: SLUG, locale: "zh-CN", now: minutes(3), db });
    expect(state.open?.saved).toEqual(some);
  });

  it("refuses every tampered submission with a 4xx and stores nothing", async () => {
    const { attempt } = await started("u1", T0);
    const full = answersFor(attempt.items);
    const [first, second] = attempt.items as [AttemptItem, AttemptItem];
    const undrawn = chapter.questions.find((q) => !attempt.items.some((i) => i.questionId === q.id));
    const submit = (answers: Record<string, string[]>, userId = "u1", attemptId = attempt.id) =>
      submitCheck({
        user: { id: userId },
        slug: SLUG,
        attemptId,
        answers,
        locale: "zh-CN",
        now: minutes(5),
        db,
      });
    const { [first.key]: _, ...missing } = full;
    const cases: [Record<string, string[]>, string][] = [
      [{ ...full, [`${SLUG}/${undrawn?.id}`]: ["x"] }, "bad_request:undrawn_question"],
      [missing, "bad_request:missing_question"],
      [{ ...full, [first.key]: [first.options[0]?.optionId ?? ""] }, "bad_request:unknown_token"],
      [{ ...full, [first.key]: [second.options[0]?.token ?? ""] }, "bad_request:foreign_token"],
    ];
    for (const [answers, code] of cases)
      expect(await refused(submit(answers)), code).toMatchObject({ status: 400, code });
    // Someone else's attempt, and a token guessed from another learner's shuffle.
    expect(await refused(submit(full, "u2"))).toMatchObject({ status: 404, code: "not_found:attempt" });
    const other = (await started("u2", T0)).attempt;
    const foreign = Object.fromEntries(other.items.map((i) => [i.key, [i.options[0]?.token ?? ""]]));
    const mixed = {
      ...full,
      [first.key]: foreign[other.items.find((i) => i.key === first.key)?.key ?? ""] ?? ["zz"],
    };
    expect(await refused(submit(mixed))).toMatchObject({ status: 400 });
    expect(await stored(attempt.id)).toMatchObject({ check: [], attempt: { closedAt: null } });
  });

  it("closes once: the check_attempts row, report summary, item statistics and review queue in one batch", async () => {
    const { attempt } = await started("u3", T0);
    const answers = answersFor(attempt.items, 2);
    const result = await submitCheck({
      user: { id: "u3" },
      slug: SLUG,
      attemptId: attempt.id,
      answers,
      locale: "zh-CN",
      now: minutes(6),
      db,
    });
    expect(result).toMatchObject({ passScore: 80, review: { shows: "wrong", percent: 75, passed: false } });
    const review = result.review;
    if (review.shows !== "wrong") throw new Error("after-pass shows a failed attempt's wrong questions");
    expect(review.wrong.map((w) => w.key)).toEqual(attempt.items.slice(0, 2).map((i) => i.key));
    expect(review.wrong[0]?.sectionTitle).toBeTruthy();
    expect(JSON.stringify(result)).not.toMatch(/"correct"|feedback|token/);
    expect(result.availability).toMatchObject({ canStart: false, reason: "cooldown", opensAt: minutes(16) });

    const { check } = await stored(attempt.id);
    expect(check).toHaveLength(1);
    expect(check[0]).toMatchObject({
      userId: "u3",
      moduleSlug: SLUG,
      contentVersion: chapter.version,
      percent: 75,
    });
    expect(Object.keys(check[0]?.answers ?? {}).sort()).toEqual(
      attempt.items.map((i) => i.questionId).sort(),
    );
    const [summary] = await db.select().from(learnerItemStats).where(eq(learnerItemStats.userId, "u3"));
    expect(summary).toMatchObject({ itemSlug: SLUG, attempts: 1, bestPercent: 75, passed: false });
    const cards = await db.select().from(reviewCards).where(eq(reviewCards.userId, "u3"));
    expect(cards.map((c) => c.questionId).sort()).toEqual(
      attempt.items
        .slice(0, 2)
        .map((i) => i.questionId)
        .sort(),
    );
    expect(cards[0]).toMatchObject({
      box: 1,
      dueAt: new Date("2026-03-02T16:00:00Z"),
      mistakeAt: minutes(6),
    });
    const sums = await itemSumsForChapter({ slug: SLUG, scope: "/", db });
    const wrongOne = sums.get(attempt.items[0]?.questionId ?? "");
    expect(wrongOne).toMatchObject({ drawn: 1, correct: 0, sumPercent: 75, sumPercentSquared: 5625 });
    expect(wrongOne?.picks.reduce((n, p) => n + p.count, 0)).toBe(1);

    // The same submission again (a lost response): the stored result, nothing added.
    const again = await submitCheck({
      user: { id: "u3" },
      slug: SLUG,
      attemptId: attempt.id,
      answers,
      locale: "zh-CN",
      now: minutes(7),
      db,
    });
    expect(again.review).toEqual(result.review);
    expect((await stored(attempt.id)).check).toHaveLength(1);
    expect(await db.select().from(itemStats)).toHaveLength(8);
    expect(
      (await itemSumsForChapter({ slug: SLUG, scope: "/", db })).get(attempt.items[0]?.questionId ?? "")
        ?.drawn,
    ).toBe(1);
    // A different second submission.
    const other = answersFor(attempt.items);
    expect(
      await refused(
        submitCheck({
          user: { id: "u3" },
          slug: SLUG,
          attemptId: attempt.id,
          answers: other,
          locale: "zh-CN",
          now: minutes(8),
          db,
        }),
      ),
    ).toMatchObject({ status: 409, code: "conflict:attempt_closed" });
  });

  it("keeps to the policy: 10 minutes after a failure, 3 a Beijing day, a new draw avoiding the last one", async () => {
    const user = { id: "u4" };
    const take = (now: Date, wrong: number) => taken(user.id, now, wrong);
    const first = await take(T0, 3);
    expect(
      await refused(startCheck({ user, slug: SLUG, locale: "zh-CN", now: minutes(9), db })),
    ).toMatchObject({
      status: 409,
      code: "conflict:attempt_policy",
    });
    const second = await take(minutes(10), 0);
    expect(second.items.filter((i) => first.items.some((f) => f.questionId === i.questionId))).toEqual([]);
    const passed = await checkState({ user, slug: SLUG, locale: "zh-CN", now: minutes(11), db });
    expect(passed.last?.review.shows).toBe("full");
    expect(passed.availability).toEqual({ canStart: true, attemptsLeftToday: 1 });
    await take(minutes(12), 0);
    const limit = await refused(startCheck({ user, slug: SLUG, locale: "zh-CN", now: minutes(13), db }));
    expect(limit).toMatchObject({ status: 409, code: "conflict:attempt_policy" });
    // The Beijing day turns at 16:00 UTC.
    const tomorrow = await startCheck({
      user,
      slug: SLUG,
      locale: "zh-CN",
      now: new Date("2026-03-02T16:00:00Z"),
      db,
    });
    expect(tomorrow.open).not.toBeNull();
    const rows = await db.select().from(assessmentAttempts).where(eq(assessmentAttempts.userId, "u4"));
    expect(rows).toHaveLength(4);
  });

  it("answers a start with what reading the state again gives: the new attempt, the last result, the attempts left", async () => {
    // The start builds its answer from its own reads and write instead of reading everything again.
    const user = { id: "u2" };
    await taken(user.id, minutes(100), 3);
    await taken(user.id, minutes(111), 0);
    const now = minutes(112);
    const start = await startCheck({ user, slug: SLUG, locale: "zh-CN", now, db });
    expect(start.availability).toMatchObject({
      canStart: false,
      reason: "daily-limit",
      attemptsLeftToday: 0,
    });
    expect(start.last?.review.shows).toBe("full");
    expect(start).toEqual(await checkState({ user, slug: SLUG, locale: "zh-CN", now, db }));
    const resumed = await startCheck({ user, slug: SLUG, locale: "zh-CN", now, db });
    expect(resumed).toEqual(start);
  });
});

describe("the item statistics summaries", () => {
  const keys = questionKeys([{ slug: SLUG, questions: chapter.questions }]);
  const snapshot = async () => ({
    sums: (await db.select().from(itemStats)).sort((a, b) => a.questionId.localeCompare(b.questionId)),
    picks: (await db.select().from(itemOptionStats)).sort((a, b) =>
      `${a.questionId}/${a.optionId}`.localeCompare(`${b.questionId}/${b.optionId}`),
    ),
  });

  it("rebuild to what the close batches kept by deltas", async () => {
    const kept = await snapshot();
    expect(kept.sums.length).toBeGreaterThan(8);
    await rebuildItemStats({ keys, db });
    expect(await snapshot()).toEqual(kept);
  });

  it("count submissions from before server-held attempts, marked against the key", async () => {
    const q1 = chapter.questions[0];
    if (!q1) throw new Error("empty pool");
    const before = (await itemSumsForChapter({ slug: SLUG, scope: "/", db })).get(q1.id);
    const right = q1.options.filter((o) => o.correct).map((o) => o.id);
    await db.insert(checkAttempts).values({
      id: "legacy-1",
      userId: "u1",
      moduleSlug: SLUG,
      contentVersion: "old",
      locale: "zh-CN",
      answers: { [q1.id]: right, gone: ["a"] },
      score: 1,
      maxScore: 2,
      percent: 50,
      passed: false,
      createdAt: minutes(-600),
    });
    await rebuildItemStats({ keys, db });
    const after = (await itemSumsForChapter({ slug: SLUG, scope: "/", db })).get(q1.id);
    expect(after).toMatchObject({
      drawn: (before?.drawn ?? 0) + 1,
      correct: (before?.correct ?? 0) + 1,
      sumPercent: (before?.sumPercent ?? 0) + 50,
      sumPercentCorrect: (before?.sumPercentCorrect ?? 0) + 50,
    });
  });
});
