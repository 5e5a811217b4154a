import { desc, eq, sql } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { personDataSections } from "@/db/queries/my-data";
import {
  assignments,
  auditLog,
  branches,
  certificates,
  checkAttempts,
  learnerItemStats,
  notifications,
  passwordTokens,
  readingProgress,
  scenarioAttempts,
  scenarioScores,
  users,
} from "@/db/schema";
import { exportPersonData } from "@/db/use-cases/export-person-data";
import type { Viewer } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import type { Turn } from "@/lib/scenario/engine";
import { checkRow, playRow } from "./rows";
import { setUpTestDb } from "./test-db";

const NOW = new Date("2026-06-01T08:00:00Z");
const SECRETS = ["$argon2id$v=19$SECRET-HASH", "TOKEN-HASH-OF-ME", "$argon2id$v=19$ADMIN-HASH"];
const LONG_HISTORY = 1005;

const TURNS: Turn[] = [
  {
    stepId: "greet",
    answer: { type: "choice", choiceId: "smile" },
    points: { courtesy: 2 },
    feedback: "好",
    moodAfter: 4,
  },
  {
    stepId: "explain",
    answer: { type: "text", text: '=HYPERLINK("http://x") 您好，我来帮您办理' },
    points: { clarity: 1 },
    feedback: "model answer",
    moodAfter: 4,
    review: {
      points: { clarity: 3 },
      comment: "讲得清楚",
      reviewerName: "王老师",
      at: "2026-05-02T00:00:00Z",
    },
  },
];

async function arrange(db: Db) {
  await db
    .insert(branches)
    .values({ id: "b1", code: "B1", name: "静安支行", nameEn: "Jing'an", path: "/b1/" });
  const person = (id: string, role: "learner" | "admin", passwordHash: string) => ({
    id,
    employeeNo: id.toUpperCase(),
    name: `姓名-${id}`,
    email: `${id}@bank.test`,
    role,
    branchId: "b1",
    hireDate: "2026-01-05",
    passwordHash,
    sessionVersion: 7,
  });
  await db
    .insert(users)
    .values([
      person("me", "learner", SECRETS[0] as string),
      person("other", "learner", SECRETS[0] as string),
      person("boss", "admin", SECRETS[2] as string),
      person("long", "learner", SECRETS[0] as string),
    ]);
  await db.insert(passwordTokens).values({
    userId: "me",
    tokenHash: SECRETS[1] as string,
    purpose: "reset",
    createdBy: "boss",
    expiresAt: NOW,
  });
  await db.insert(checkAttempts).values([
    checkRow({
      id: "chk-me-1",
      userId: "me",
      slug: "basic-skills",
      percent: 60,
      answers: { q1: ["a"], q2: ["b", "c"] },
    }),
    checkRow({ id: "chk-me-2", userId: "me", slug: "basic-skills", percent: 100, answers: { q1: ["b"] } }),
    checkRow({ id: "chk-other", userId: "other", slug: "basic-skills", percent: 90 }),
  ]);
  await db.insert(scenarioAttempts).values([
    playRow({
      id: "play-me",
      userId: "me",
      slug: "greeting",
      percent: 75,
      outcome: "calm",
      state: { stepId: "end", mood: 4, turns: TURNS, ended: true, writeId: "internal-write" },
    }),
    playRow({ id: "play-other", userId: "other", slug: "greeting", percent: 50 }),
  ]);
  await db.insert(scenarioScores).values([
    { attemptId: "play-me", competency: "courtesy", score: 2, maxScore: 4 },
    { attemptId: "play-me", competency: "clarity", score: 3, maxScore: 4 },
    { attemptId: "play-other", competency: "courtesy", score: 1, maxScore: 4 },
  ]);
  await db.insert(certificates).values({
    userId: "me",
    certificationId: "counter-service",
    cycle: 1,
    kind: "initial",
    code: "CERT-ME-0001",
    issuedAt: new Date("2026-05-03T00:00:00Z"),
    expiresAt: new Date("2027-05-03T00:00:00Z"),
    snapshot: { "scenario:greeting": 75 },
    revokedAt: new Date("2026-05-20T00:00:00Z"),
    revokedBy: "boss",
    revokeReason: "复核",
  });
  await db.insert(notifications).values({
    userId: "me",
    kind: "overdue",
    dedupeKey: "overdue:internal-key",
    payload: { itemType: "chapter", itemSlug: "basic-skills", dueDate: "2026-05-01" },
  });
  await db.insert(learnerItemStats).values({
    userId: "me",
    itemType: "chapter",
    itemSlug: "basic-skills",
    passed: true,
    bestPercent: 100,
    attempts: 2,
  });
  await db.insert(assignments).values({
    userId: "me",
    itemType: "chapter",
    itemSlug: "basic-skills",
    dueDate: "2026-05-01",
    source: "manager",
    assignedBy: "boss",
  });
  await db
    .insert(readingProgress)
    .values({ userId: "me", moduleSlug: "basic-skills", sectionId: "s2", sectionIndex: 2 });
  const long = Array.from({ length: LONG_HISTORY }, (_, i) =>
    checkRow({
      id: `long-${String(i).padStart(4, "0")}`,
      userId: "long",
      slug: "basic-skills",
      percent: i % 101,
    }),
  );
  for (let i = 0; i < long.length; i += 250) await db.insert(checkAttempts).values(long.slice(i, i + 250));
}

const { db } = setUpTestDb(arrange);

const viewer = (id: string, role: Viewer["role"] = "learner"): Viewer => ({ id, role, branchPath: "/b1/" });

async function download(who: Viewer, userId: string, pageSize?: number) {
  const { body, fileName } = await exportPersonData({ viewer: who, userId, now: NOW, pageSize, db });
  const files = unzipSync(new Uint8Array(await new Response(body).arrayBuffer()));
  const text = Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
  const json = JSON.parse(text["my-data.json"] as string);
  return { fileName, files, text, json };
}

describe("a person's data export", () => {
  it("holds the profile, attempts with answers, plays with transcripts, scores, certificates and notifications", async () => {
    const { fileName, text, json } = await download(viewer("me"), "me");
    expect(fileName).toBe("my-data-ME-2026-06-01.zip");
    expect(Object.keys(text).sort()).toEqual(
      [
        "assignments.csv",
        "certificates.csv",
        "check-answers.csv",
        "check-attempts.csv",
        "item-summaries.csv",
        "my-data.json",
        "notifications.csv",
        "plays.csv",
        "profile.csv",
        "reading-progress.csv",
        "review-appeals.csv",
        "role-play-scores.csv",
        "role-play-turns.csv",
      ].sort(),
    );
    expect(json.exportedAt).toBe(NOW.toISOString());
    expect(json.profile).toMatchObject({
      id: "me",
      employeeNo: "ME",
      name: "姓名-me",
      email: "me@bank.test",
      role: "learner",
      branchCode: "B1",
      branchName: "静安支行",
      hireDate: "2026-01-05",
      active: true,
    });
    expect(json.checkAttempts.map((a: { id: string }) => a.id)).toEqual(["chk-me-1", "chk-me-2"]);
    expect(json.checkAttempts[0]).toMatchObject({
      percent: 60,
      passed: false,
      answers: { q1: ["a"], q2: ["b", "c"] },
    });
    expect(json.plays).toHaveLength(1);
    expect(json.plays[0]).toMatchObject({
      id: "play-me",
      scenarioSlug: "greeting",
      percent: 75,
      outcome: "calm",
      competencies: [
        { competency: "clarity", score: 3, maxScore: 4 },
        { competency: "courtesy", score: 2, maxScore: 4 },
      ],
    });
    expect(json.plays[0].transcript).toEqual(TURNS);
    expect(json.itemSummaries).toEqual([
      {
        itemType: "chapter",
        itemSlug: "basic-skills",
        passed: true,
        bestPercent: 100,
        attempts: 2,
        relearn: false,
      },
    ]);
    expect(json.certificates[0]).toMatchObject({
      code: "CERT-ME-0001",
      revokeReason: "复核",
      snapshot: { "scenario:greeting": 75 },
    });
    expect(json.notifications[0]).toMatchObject({ kind: "overdue", payload: { dueDate: "2026-05-01" } });
    expect(json.assignments[0]).toMatchObject({
      itemSlug: "basic-skills",
      dueDate: "2026-05-01",
      source: "manager",
    });
    expect(json.readingProgress[0]).toMatchObject({ moduleSlug: "basic-skills", sectionIndex: 2 });
  });

  it("writes CSVs with a BOM and a header, one row per answer and per turn, formulas neutralised", async () => {
    const { files, text } = await download(viewer("me"), "me");
    for (const [name, bytes] of Object.entries(files)) {
      // The UTF-8 byte-order mark (TextDecoder, and so strFromU8, drops it from the text).
      if (name.endsWith(".csv")) expect([...bytes.slice(0, 3)], name).toEqual([0xef, 0xbb, 0xbf]);
    }
    const lines = (name: string) => (text[name] as string).trimEnd().split("\r\n");
    expect(lines("check-answers.csv")).toEqual([
      "attemptId,moduleSlug,questionId,selectedOptions",
      "chk-me-1,basic-skills,q1,a",
      "chk-me-1,basic-skills,q2,b | c",
      "chk-me-2,basic-skills,q1,b",
    ]);
    const turns = lines("role-play-turns.csv");
    expect(turns).toHaveLength(3);
    expect(turns[1]).toBe('play-me,greeting,1,greet,choice,smile,,"{""courtesy"":2}",好,4,,,,');
    expect(turns[2]).toContain(`"'=HYPERLINK(""http://x"") 您好，我来帮您办理"`);
    expect(turns[2]).toContain("讲得清楚,王老师");
    expect(lines("profile.csv")[1]).toContain("ME,姓名-me,me@bank.test,learner,2026-01-05,true");
    expect(lines("role-play-scores.csv").slice(1)).toEqual([
      "play-me,greeting,clarity,3,4",
      "play-me,greeting,courtesy,2,4",
    ]);
  });

  it("never holds a password hash, a token, a session version, internal keys or anyone else's rows", async () => {
    const { text } = await download(viewer("me"), "me");
    const all = Object.values(text).join("\n");
    for (const secret of SECRETS) expect(all).not.toContain(secret);
    for (const word of ["passwordHash", "password_hash", "tokenHash", "sessionVersion", "session_version"]) {
      expect(all).not.toContain(word);
    }
    for (const foreign of [
      "chk-other",
      "play-other",
      "boss",
      "BOSS",
      "internal-write",
      "internal-key",
      "userId",
    ]) {
      expect(all).not.toContain(foreign);
    }
  });

  it("is for the person themselves and admins; anyone else is refused and nothing is logged", async () => {
    const exports = () => db.$count(auditLog, eq(auditLog.action, "user.data_export"));
    const before = await exports();
    for (const role of ["learner", "trainer", "manager"] as const) {
      await expect(
        exportPersonData({ viewer: viewer("other", role), userId: "me", db }),
      ).rejects.toMatchObject({
        code: "forbidden:my_data",
        status: 403,
      });
    }
    const admin = viewer("boss", "admin");
    await expect(exportPersonData({ viewer: admin, userId: "nobody", db })).rejects.toBeInstanceOf(AppError);
    expect(await exports()).toBe(before);

    const { json } = await download(admin, "me");
    expect(json.profile.id).toBe("me");
    expect(await exports()).toBe(before + 1);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "user.data_export"))
      .orderBy(desc(sql`rowid`))
      .limit(1);
    expect(entry).toMatchObject({
      actorId: "boss",
      targetType: "user",
      targetId: "me",
      after: { employeeNo: "ME" },
    });
  });
});

describe("paging over a long history", () => {
  it("reads the attempts in pages of the given size, each row once, in the order they were written", async () => {
    const [section] = personDataSections({ userId: "long", pageSize: 100, db });
    expect(section?.name).toBe("checkAttempts");
    const pages: string[][] = [];
    for await (const page of section?.pages() ?? []) pages.push(page.map((r) => String(r.id)));
    expect(pages).toHaveLength(Math.ceil(LONG_HISTORY / 100));
    expect(pages.every((p) => p.length <= 100)).toBe(true);
    const ids = pages.flat();
    expect(ids).toHaveLength(LONG_HISTORY);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(LONG_HISTORY);
  });

  it("puts every attempt of a long history in the JSON and the CSV", async () => {
    const { json, text } = await download(viewer("long"), "long", 64);
    expect(json.checkAttempts).toHaveLength(LONG_HISTORY);
    expect((text["check-attempts.csv"] as string).trimEnd().split("\r\n")).toHaveLength(LONG_HISTORY + 1);
  });
});
