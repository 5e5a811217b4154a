import { beforeAll, describe, expect, it } from "vitest";
import { getTrends } from "@/db/queries/report-trends";
import { branches, certificates, checkAttempts, scenarioAttempts, users } from "@/db/schema";
import { trendMonths } from "@/lib/reports/trends";
import { checkRow, playRow } from "./rows";
import { setUpTestDb } from "./test-db";

const { db } = setUpTestDb();
// 2026-03-10 10:00 in Beijing.
const now = new Date("2026-03-10T02:00:00Z");
const at = (iso: string) => new Date(`${iso}+08:00`);

beforeAll(async () => {
  await db.insert(branches).values([
    { id: "hq", code: "HQ", name: "总行", nameEn: "HQ", path: "/hq/" },
    { id: "east", code: "E", name: "华东", nameEn: "East", parentId: "hq", path: "/hq/east/" },
    { id: "ja", code: "E-JA", name: "静安", nameEn: "Jing'an", parentId: "east", path: "/hq/east/ja/" },
    { id: "south", code: "S", name: "华南", nameEn: "South", parentId: "hq", path: "/hq/south/" },
  ]);
  const person = (id: string, branchId: string) => ({
    id,
    employeeNo: id,
    name: id,
    branchId,
    hireDate: "2026-01-01",
  });
  await db.insert(users).values([person("a", "ja"), person("b", "east"), person("s", "south")]);
  await db.insert(checkAttempts).values([
    // 1 March 00:30 Beijing is still February in UTC: it counts for March.
    checkRow({ userId: "a", slug: "basic-skills", percent: 90, createdAt: at("2026-03-01T00:30:00") }),
    checkRow({ userId: "b", slug: "basic-skills", percent: 50, createdAt: at("2026-03-05T10:00:00") }),
    checkRow({ userId: "a", slug: "basic-skills", percent: 40, createdAt: at("2026-02-10T10:00:00") }),
    checkRow({ userId: "s", slug: "basic-skills", percent: 100, createdAt: at("2026-02-10T10:00:00") }),
    checkRow({ userId: "s", slug: "basic-skills", percent: 100, createdAt: at("2026-03-02T10:00:00") }),
  ]);
  await db
    .insert(scenarioAttempts)
    .values([
      playRow({ userId: "a", slug: "greeting", percent: 80, completedAt: at("2026-03-03T10:00:00") }),
      playRow({ userId: "s", slug: "greeting", percent: 10, completedAt: at("2026-03-03T10:00:00") }),
    ]);
  const cert = (userId: string, code: string, issued: string, expires: string) => ({
    userId,
    certificationId: "counter-service",
    cycle: 1,
    kind: "initial" as const,
    code,
    issuedAt: at(issued),
    expiresAt: at(expires),
    snapshot: {},
  });
  await db
    .insert(certificates)
    .values([
      cert("a", "AAAAAAAAAAAA", "2026-02-15T10:00:00", "2027-02-15T10:00:00"),
      cert("s", "SSSSSSSSSSSS", "2026-01-15T10:00:00", "2027-01-15T10:00:00"),
    ]);
});

describe("trendMonths", () => {
  it("gives the last months in Beijing time, oldest first, the running one up to now", () => {
    const months = trendMonths(new Date("2026-02-28T17:00:00Z"), 3); // 1 March 01:00 in Beijing
    expect(months.map((m) => m.month)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(months[1]?.end).toBe(at("2026-03-01T00:00:00").getTime());
    expect(months[2]?.end).toBe(new Date("2026-02-28T17:00:00Z").getTime());
  });
});

describe("getTrends", () => {
  it("counts the subtree's attempts and certificates by Beijing month, and nothing of another subtree", async () => {
    const rows = await getTrends({ rootPath: "/hq/east/", now, months: 3, db });
    expect(rows).toEqual([
      {
        month: "2026-01",
        checkAttempts: 0,
        checkPassRate: null,
        playAttempts: 0,
        playPassRate: null,
        certifiedRate: 0,
      },
      {
        month: "2026-02",
        checkAttempts: 1,
        checkPassRate: 0,
        playAttempts: 0,
        playPassRate: null,
        certifiedRate: 50,
      },
      {
        month: "2026-03",
        checkAttempts: 2,
        checkPassRate: 50,
        playAttempts: 1,
        playPassRate: 100,
        certifiedRate: 50,
      },
    ]);
  });

  it("keeps to a branch below the scope when drilled into", async () => {
    const rows = await getTrends({ rootPath: "/hq/east/ja/", now, months: 1, db });
    expect(rows).toEqual([
      {
        month: "2026-03",
        checkAttempts: 1,
        checkPassRate: 100,
        playAttempts: 1,
        playPassRate: 100,
        certifiedRate: 100,
      },
    ]);
  });
});
