import { beforeAll, describe, expect, it } from "vitest";
import { loadReviewCounts } from "@/db/queries/review-report";
import { assessmentAttempts, branches, reviewAnswers, users } from "@/db/schema";
import { hasReviewHabit, type ReviewAnswer, retention } from "@/lib/assessment/review-metrics";
import { rollUpReviews } from "@/lib/reports/review-habits";
import { setUpTestDb } from "./test-db";

const { db } = setUpTestDb();
const NOW = new Date("2026-05-20T06:00:00Z");
const HOUR = 3_600_000;

/** A small deterministic pseudo-random sequence. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const people = [
  { id: "p1", branchId: "east" },
  { id: "p2", branchId: "east" },
  { id: "p3", branchId: "east-a" },
  { id: "p4", branchId: "east-a" },
  { id: "p5", branchId: "south" },
  { id: "p6", branchId: "south", active: false },
];
const answers: ReviewAnswer[] = [];

beforeAll(async () => {
  await db.insert(branches).values([
    { id: "hq", code: "HQ", name: "总行", nameEn: "HQ", path: "/hq/" },
    { id: "east", code: "E", name: "华东", nameEn: "East", path: "/hq/east/", parentId: "hq" },
    { id: "east-a", code: "EA", name: "静安", nameEn: "Jing'an", path: "/hq/east/east-a/", parentId: "east" },
    { id: "south", code: "S", name: "华南", nameEn: "South", path: "/hq/south/", parentId: "hq" },
  ]);
  await db.insert(users).values(
    people.map((p) => ({
      id: p.id,
      employeeNo: p.id,
      name: p.id,
      branchId: p.branchId,
      hireDate: "2026-01-01",
      active: p.active ?? true,
    })),
  );
  await db.insert(assessmentAttempts).values({
    id: "att-again",
    userId: "p1",
    kind: "review",
    subject: "daily",
    locale: "zh-CN",
    revisions: {},
    seed: "s",
    items: [],
    saved: {},
    startedAt: NOW,
    closedAt: NOW,
  });
  const random = rng(7);
  const rows = [];
  for (const p of people) {
    await db.insert(assessmentAttempts).values({
      id: `att-${p.id}`,
      userId: p.id,
      kind: "review",
      subject: "daily",
      locale: "zh-CN",
      revisions: {},
      seed: "s",
      items: [],
      saved: {},
      startedAt: NOW,
    });
    for (let k = 0; k < 14; k++) {
      const mistakeAt = new Date(NOW.getTime() - Math.floor(random() * 40 * 24) * HOUR);
      const answeredAt = new Date(mistakeAt.getTime() + Math.floor(random() * 12 * 24) * HOUR);
      if (answeredAt > NOW) continue;
      const right = random() < 0.6;
      rows.push({
        attemptId: `att-${p.id}`,
        userId: p.id,
        slug: "c",
        questionId: `q${k}`,
        right,
        box: 1,
        mistakeAt,
        answeredAt,
      });
    }
  }
  // The same question and mistake reviewed again later (another day's review): only the first counts.
  for (const r of rows.slice(0, 6))
    rows.push({
      ...r,
      attemptId: "att-again",
      answeredAt: new Date(r.answeredAt.getTime() + 8 * 24 * HOUR),
      right: !r.right,
    });
  await db.insert(reviewAnswers).values(rows.filter((r) => r.answeredAt <= NOW));
  for (const r of rows.filter((x) => x.answeredAt <= NOW))
    answers.push({
      learnerId: r.userId,
      questionKey: `c/${r.questionId}`,
      mistakeAt: r.mistakeAt,
      answeredAt: r.answeredAt,
      right: r.right,
    });
});

describe("the review report", () => {
  it("counts review habits and retention per branch as the definitions in lib/assessment say", async () => {
    const { counts } = await loadReviewCounts({ rootPath: "/hq/", now: NOW, db });
    for (const branchId of ["east", "east-a", "south"]) {
      const members = people.filter((p) => p.branchId === branchId && p.active !== false).map((p) => p.id);
      const mine = answers.filter((a) => members.includes(a.learnerId));
      const expected = retention(mine);
      const habits = members.filter((id) =>
        hasReviewHabit(
          mine.filter((a) => a.learnerId === id).map((a) => a.answeredAt),
          NOW,
        ),
      ).length;
      const got = counts.find((c) => c.branchId === branchId);
      expect(got, branchId).toMatchObject({
        learners: members.length,
        withHabit: habits,
        retentionMistakes: expected.mistakes,
        retentionRight: expected.right,
      });
    }
    expect(answers.some((a) => a.answeredAt.getTime() - a.mistakeAt.getTime() >= 7 * 24 * HOUR)).toBe(true);
  });

  it("rolls branches up to the root's children and keeps to the scope", async () => {
    const east = await loadReviewCounts({ rootPath: "/hq/east/", now: NOW, db });
    expect(east.branches.map((b) => b.id).sort()).toEqual(["east", "east-a"]);
    const report = rollUpReviews({ rootPath: "/hq/east/", ...east });
    expect(report.rows.map((r) => [r.branch.id, r.own, r.learners])).toEqual([
      ["east", true, 2],
      ["east-a", false, 2],
    ]);
    expect(report.total.learners).toBe(4);
  });
});
