import { beforeAll, describe, expect, it } from "vitest";
import { findAttempt, latestAttempt } from "@/db/queries/assessment-attempts";
import { branches, users, xapiOutbox } from "@/db/schema";
import { checkResultView } from "@/db/use-cases/check-attempt";
import { takeCheck } from "./take-check";
import { setUpTestDb } from "./test-db";

const { db } = setUpTestDb();
const SLUG = "basic-skills";
const T0 = new Date("2026-03-02T02:00:00Z");

beforeAll(async () => {
  await db.insert(branches).values({ id: "b1", code: "B1", name: "总行", nameEn: "HQ", path: "/b1/" });
  await db
    .insert(users)
    .values({ id: "u1", employeeNo: "E0101", name: "学员", branchId: "b1", hireDate: "2026-01-01" });
});

// The submit builds its response from the score it has just stored, without reading the attempt's
// content or scoring it again: that response must be the one a later read of the stored attempt gives.
describe("a check's submit response", () => {
  it.each([
    ["a pass", 0, 0],
    ["a fail", 4, 60],
  ])("for %s equals the result view of the stored attempt", async (_, wrong, after) => {
    const now = new Date(T0.getTime() + after * 60_000);
    const submitted = await takeCheck({ userId: "u1", slug: SLUG, now, wrong, db });
    const stored = await findAttempt({ id: submitted.attemptId, db });
    if (!stored) throw new Error("the attempt was not stored");
    expect(submitted).toMatchObject(await checkResultView(stored, "zh-CN", db));
    expect(submitted.review).toEqual((await checkResultView(stored, "zh-CN", db)).review);
    const latest = await latestAttempt({ userId: "u1", kind: "check", subject: SLUG, closed: true, db });
    expect(latest?.id).toBe(submitted.attemptId);
  });

  it("names the learner by the employee number in its xAPI statements", async () => {
    const rows = await db.select().from(xapiOutbox);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => JSON.stringify(r).includes("E0101"))).toBe(true);
  });
});
