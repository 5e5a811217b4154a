import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  branchStatsSql,
  rebuildReportStats,
  recomputeReportStats,
  refreshChapterStats,
  refreshScenarioStats,
  type StatRow,
} from "@/db/queries/report-stats";
import { tuples } from "@/db/queries/rows";
import {
  assignments,
  branches,
  branchReportStats,
  checkAttempts,
  learnerItemStats,
  scenarioAttempts,
  scenarioScores,
  users,
} from "@/db/schema";
import { writeBatch } from "@/db/write";
import { checkRow } from "./rows";
import { setUpTestDb } from "./test-db";

const { db } = setUpTestDb();

beforeAll(async () => {
  await db.insert(branches).values({ id: "b1", code: "B1", name: "总行", nameEn: "HQ", path: "/b1/" });
  await db.insert(users).values(
    ["u1", "u2", "u3"].map((id) => ({
      id,
      employeeNo: id,
      name: id,
      branchId: "b1",
      hireDate: "2026-01-01",
    })),
  );
});

const sorted = (rows: StatRow[]) =>
  rows
    .map((r) => ({
      ...r,
      passed: Number(r.passed),
      bestPercent: r.bestPercent && Math.round(r.bestPercent * 1e6),
    }))
    .sort((a, b) =>
      `${a.userId}${a.itemType}${a.itemSlug}`.localeCompare(`${b.userId}${b.itemType}${b.itemSlug}`),
    );

async function tableRows(): Promise<StatRow[]> {
  const rows = await db.select().from(learnerItemStats);
  return rows.map((r) => ({ ...r, passed: Number(r.passed) }));
}

/** A small deterministic pseudo-random sequence. */
function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

describe("the reports' summary table", () => {
  it("agrees with a full recomputation after submissions made the way the request path makes them", async () => {
    const random = rng(7);
    const people = ["u1", "u2", "u3"];
    for (let i = 0; i < 120; i++) {
      const userId = people[Math.floor(random() * 3)] as string;
      if (random() < 0.5) {
        const slug = random() < 0.5 ? "ch-a" : "ch-b";
        const percent = Math.floor(random() * 101);
        await writeBatch(
          [
            db.insert(checkAttempts).values(checkRow({ id: `c${i}`, userId, slug, percent })),
            ...refreshChapterStats({ userId, slug, db }),
          ],
          db,
        );
      } else {
        const slug = random() < 0.5 ? "greeting" : "complaint";
        const a = Math.floor(random() * 11);
        const b = Math.floor(random() * 11);
        const percent = Math.round(((a + b) / 20) * 100);
        const completed = random() < 0.8;
        await writeBatch(
          [
            db.insert(scenarioAttempts).values({
              id: `s${i}`,
              userId,
              scenarioSlug: slug,
              contentVersion: "v",
              locale: "zh-CN",
              state: { stepId: "end", mood: 3, turns: [], ended: completed },
              stepStartedAt: i,
              status: completed ? "completed" : "active",
              ...(completed
                ? {
                    score: a + b,
                    maxScore: 20,
                    percent,
                    passed: percent >= 70,
                    completedAt: new Date(i * 1000),
                  }
                : {}),
            }),
            db.insert(scenarioScores).values([
              { attemptId: `s${i}`, competency: "empathy", score: a, maxScore: 10 },
              { attemptId: `s${i}`, competency: "clarity", score: b, maxScore: 10 },
              { attemptId: `s${i}`, competency: "unscored", score: 0, maxScore: 0 },
            ]),
            ...refreshScenarioStats({ userId, slug, db }),
          ],
          db,
        );
      }
    }
    const expected = await recomputeReportStats({ db });
    expect(expected.length).toBeGreaterThan(10);
    expect(sorted(await tableRows())).toEqual(sorted(expected));

    await rebuildReportStats({ db });
    expect(sorted(await tableRows())).toEqual(sorted(expected));
  });

  it("keeps the competencies of the best attempt, the earliest one on a tie", async () => {
    const rows = (await tableRows()).filter((r) => r.itemType === "competency");
    expect(rows.every((r) => !r.itemSlug.endsWith(":unscored"))).toBe(true);
    const attempts = await db.select().from(scenarioAttempts);
    const u1Greeting = attempts
      .filter((a) => a.userId === "u1" && a.scenarioSlug === "greeting" && a.status === "completed")
      .sort((x, y) => (y.percent ?? 0) - (x.percent ?? 0) || Number(x.completedAt) - Number(y.completedAt));
    const best = u1Greeting[0];
    if (!best) return;
    const scores = await db.select().from(scenarioScores);
    const empathy = scores.find((s) => s.attemptId === best.id && s.competency === "empathy");
    const row = rows.find((r) => r.userId === "u1" && r.itemSlug === "greeting:empathy");
    expect(row?.bestPercent).toBeCloseTo(((empathy?.score ?? 0) / 10) * 100);
  });
});

describe("the stored branch totals", () => {
  const live = async () => {
    const totals = await db.values(branchStatsSql(sql`1 = 1`));
    return {
      totals: tuples(totals)
        .map((r) => r.map(String).join("|"))
        .sort(),
    };
  };
  const stored = async () => ({
    totals: (await db.select().from(branchReportStats))
      .map((r) => [r.branchId, r.key, r.people, r.passed, r.percentSum].map(String).join("|"))
      .sort(),
  });

  it("match a recomputation after submissions and new assignments", async () => {
    await db.insert(assignments).values([
      { userId: "u1", itemType: "chapter", itemSlug: "ch-a", dueDate: "2026-02-01", source: "manager" },
      { userId: "u2", itemType: "scenario", itemSlug: "greeting", dueDate: "2026-02-01", source: "manager" },
    ]);
    await rebuildReportStats({ db });
    const expected = await live();
    expect(expected.totals.some((r) => r.includes("|open:") || r.includes("|chapter:ch-a|"))).toBe(true);
    expect(await stored()).toEqual(expected);

    await writeBatch(
      [
        db
          .insert(checkAttempts)
          .values(checkRow({ id: "late-pass", userId: "u3", slug: "ch-b", percent: 100 })),
        ...refreshChapterStats({ userId: "u3", slug: "ch-b", db }),
      ],
      db,
    );
    expect(await stored()).toEqual(await live());
  });
});
