import { describe, expect, it } from "vitest";
import { buildAttemptItems, type QuestionLookup } from "@/lib/assessment/attempt-items";
import {
  acceptsAutosave,
  announcementBetween,
  examClosing,
  examDeadline,
  examRetakeOpensAt,
  remainingSeconds,
} from "@/lib/assessment/exam-timing";
import { scoreAttempt } from "@/lib/assessment/score";
import { validateSubmission } from "@/lib/assessment/submission";
import type { Question } from "@/lib/content/types";
import { answersFrom } from "@/lib/training/score-check";

const t = (iso: string) => new Date(iso);
const started = t("2026-03-02T02:00:00Z");
const deadline = examDeadline(started, 30);

// Two chapters' questions, one each: "a" is right in both.
const question = (id: string): Question => ({
  id,
  type: "single",
  section: 1,
  prompt: id,
  line: 1,
  options: [
    { id: "a", text: "A", correct: true, feedback: "" },
    { id: "b", text: "B", correct: false, feedback: "" },
  ],
});
const lookup: QuestionLookup = (_, id) => question(id);
const items = buildAttemptItems("exam-seed", [
  { slug: "one", question: question("q1") },
  { slug: "two", question: question("q7") },
]);
const token = (key: string, optionId: string) =>
  items.find((i) => i.key === key)?.options.find((o) => o.optionId === optionId)?.token as string;

describe("exam timing", () => {
  it("the deadline is the start plus the limit; the remaining time counts down to zero", () => {
    expect(deadline).toEqual(t("2026-03-02T02:30:00Z"));
    expect(remainingSeconds(deadline, t("2026-03-02T02:10:00Z"))).toBe(1200);
    expect(remainingSeconds(deadline, t("2026-03-02T02:29:59.500Z"))).toBe(0);
    expect(remainingSeconds(deadline, t("2026-03-02T03:00:00Z"))).toBe(0);
  });

  it("takes autosaves only before the deadline", () => {
    expect(acceptsAutosave(deadline, t("2026-03-02T02:29:59.999Z"))).toBe(true);
    expect(acceptsAutosave(deadline, deadline)).toBe(false);
  });

  it("stays open without a submission before the deadline; a submission before it closes it then", () => {
    const saved = answersFrom({ "one/q1": ["a"] });
    expect(examClosing({ deadline, saved, now: t("2026-03-02T02:20:00Z") })).toBeNull();
    const submitted = answersFrom({ "one/q1": ["a"], "two/q7": ["a"] });
    expect(examClosing({ deadline, saved, submitted, now: t("2026-03-02T02:20:00Z") })).toEqual({
      closedAt: t("2026-03-02T02:20:00Z"),
      reason: "submitted",
      answers: submitted,
    });
  });

  it("closes at the deadline with what was saved, however late it is noticed, and the same every time", () => {
    const saved = answersFrom({ "one/q1": ["a"] });
    const lazy = examClosing({ deadline, saved, now: t("2026-03-03T09:00:00Z") });
    expect(lazy).toEqual({ closedAt: deadline, reason: "deadline", answers: saved });
    expect(examClosing({ deadline, saved, now: deadline })).toEqual(lazy);
  });

  it("a late submission scores only what was saved before the deadline", () => {
    // Autosaved at 02:10: q1 right. After the deadline the browser submits both right.
    const autosave = validateSubmission(items, { "one/q1": [token("one/q1", "a")] }, "partial");
    if (!autosave.ok || !acceptsAutosave(deadline, t("2026-03-02T02:10:00Z"))) throw new Error("autosave");
    const late = validateSubmission(
      items,
      { "one/q1": [token("one/q1", "a")], "two/q7": [token("two/q7", "a")] },
      "partial",
    );
    if (!late.ok) throw new Error("late submission is well formed");
    const closing = examClosing({
      deadline,
      saved: autosave.answers,
      submitted: late.answers,
      now: t("2026-03-02T02:31:00Z"),
    });
    expect(closing).toMatchObject({
      closedAt: deadline,
      reason: "deadline",
      answers: answersFrom({ "one/q1": ["a"] }),
    });
    const score = scoreAttempt(items, closing?.answers ?? new Map(), lookup, 80);
    expect(score).toMatchObject({ score: 1, maxScore: 2, percent: 50, passed: false });
    expect(score.chapters).toEqual([
      { slug: "one", score: 1, maxScore: 1, percent: 100 },
      { slug: "two", score: 0, maxScore: 1, percent: 0 },
    ]);
  });

  it("the next attempt opens 24 hours after the previous one started", () => {
    expect(examRetakeOpensAt(started, 24)).toEqual(t("2026-03-03T02:00:00Z"));
  });
});

describe("the screen-reader announcements", () => {
  it("announce 5 minutes and 1 minute left as the time passes them, once each", () => {
    expect(announcementBetween(301, 300)).toBe(300);
    expect(announcementBetween(300, 299)).toBeNull();
    expect(announcementBetween(61, 60)).toBe(60);
    expect(announcementBetween(1800, 1799)).toBeNull();
    expect(announcementBetween(59, 0)).toBeNull();
  });

  it("say only the latest when the page wakes up after both", () => {
    expect(announcementBetween(400, 30)).toBe(60);
  });
});
