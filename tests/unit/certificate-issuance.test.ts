import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { issuanceStatements, reconcileCertificates, revokeCertificate } from "@/db/queries/certificates";
import {
  assessmentAttempts,
  auditLog,
  branches,
  certificates,
  checkAttempts,
  notifications,
  scenarioAttempts,
  users,
} from "@/db/schema";
import { certifications } from "@/lib/certification/catalog";
import type { Certification } from "@/lib/certification/definition";
import { CODE_ALPHABET } from "@/lib/certification/verification-code";
import { checkRow, playRow } from "./rows";
import { setUpTestDb } from "./test-db";

const { db } = setUpTestDb();
const def = certifications()[0] as Certification;
const [lastChapter, ...otherChapters] = [...def.chapters].reverse() as [string, ...string[]];

const at = (iso: string) => new Date(`${iso}T02:00:00Z`);

function passCheck(userId: string, slug: string, when: Date, id = crypto.randomUUID(), passed = true) {
  return db
    .insert(checkAttempts)
    .values(checkRow({ id, userId, slug, percent: passed ? 100 : 25, createdAt: when }));
}

function playScenario(userId: string, slug: string, percent: number, when: Date) {
  return db.insert(scenarioAttempts).values(
    playRow({
      userId,
      slug,
      percent,
      stepStartedAt: when.getTime(),
      version: 5,
      passed: true,
      completedAt: when,
    }),
  );
}

/** A closed certification exam attempt, as the exam's close stores it. */
function takeExam(userId: string, when: Date, percent = 90) {
  return db.insert(assessmentAttempts).values({
    userId,
    kind: "exam",
    subject: def.id,
    locale: "zh-CN",
    revisions: {},
    seed: "s",
    items: [],
    passScore: 80,
    saved: {},
    startedAt: new Date(when.getTime() - 600_000),
    deadlineAt: new Date(when.getTime() + 1_200_000),
    closedAt: when,
    closeReason: "submitted",
    score: percent / 10,
    maxScore: 10,
    percent,
    passed: percent >= 80,
    results: [],
  });
}

async function addLearner(id: string) {
  await db.insert(users).values({ id, employeeNo: id, name: "测试", branchId: "b1", hireDate: "2026-01-01" });
}

/**
 * Everything but the last chapter, the exam passed first (as after a major revision asks for a
 * chapter again), so the next chapter pass completes the certification.
 */
async function almostCertified(userId: string, when: Date) {
  await db.batch([
    ...otherChapters.map((slug) => passCheck(userId, slug, when)),
    ...def.scenarios.map((s) => playScenario(userId, s.slug, s.minPercent, when)),
    takeExam(userId, when),
  ] as unknown as Parameters<typeof db.batch>[0]);
}

async function submitLastChapter(userId: string, now: Date, passed = true) {
  const attemptId = crypto.randomUUID();
  const issuing = await issuanceStatements({
    userId,
    next: { kind: "chapter", attemptId, slug: lastChapter, percent: passed ? 100 : 25, passed },
    now,
    db,
  });
  return {
    attemptId,
    run: () => db.batch([passCheck(userId, lastChapter, now, attemptId, passed), ...issuing]),
  };
}

const held = (userId: string) => db.select().from(certificates).where(eq(certificates.userId, userId));

beforeAll(async () => {
  await db.insert(branches).values({ id: "b1", code: "B1", name: "总行", nameEn: "HQ", path: "/b1/" });
});

describe("certificate issuance in the submission batch", () => {
  it("issues nothing while a requirement is missing", async () => {
    await addLearner("u0");
    await almostCertified("u0", at("2026-03-01"));
    const s = await issuanceStatements({ userId: "u0", now: at("2026-03-02"), db });
    expect(s).toEqual([]);
  });

  it("issues one certificate, with a snapshot and a notification, when the last chapter passes", async () => {
    await addLearner("u1");
    await almostCertified("u1", at("2026-03-01"));
    const now = at("2026-03-02");
    await (await submitLastChapter("u1", now)).run();
    const [cert, ...more] = await held("u1");
    expect(more).toEqual([]);
    expect(cert).toMatchObject({ cycle: 1, kind: "initial", issuedAt: now, revokedAt: null });
    expect(cert?.expiresAt).toEqual(at("2027-03-02"));
    expect(cert?.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{12}$`));
    expect(Object.keys(cert?.snapshot ?? {})).toHaveLength(def.chapters.length + def.scenarios.length + 1);
    expect(cert?.snapshot["scenario:complaint"]).toBe(80);
    expect(cert?.snapshot[`exam:${def.id}`]).toBe(90);
    const [note] = await db.select().from(notifications).where(eq(notifications.userId, "u1"));
    expect(note).toMatchObject({ kind: "certificate-issued", dedupeKey: `certificate-issued:${cert?.id}` });
    expect(note?.payload).toMatchObject({ code: cert?.code, expiresAt: "2027-03-02T02:00:00.000Z" });
  });

  it("issues exactly one certificate when two completing submissions race", async () => {
    await addLearner("u2");
    await almostCertified("u2", at("2026-03-01"));
    const now = at("2026-03-02");
    // Both decide before either writes, as two concurrent requests would.
    const a = await submitLastChapter("u2", now);
    const b = await submitLastChapter("u2", now);
    const outcomes = await Promise.allSettled([a.run(), b.run()]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(await held("u2")).toHaveLength(1);
    const attempts = await db.select().from(checkAttempts).where(eq(checkAttempts.userId, "u2"));
    expect(attempts).toHaveLength(otherChapters.length + 2);
  });

  it("issues nothing when the stored attempt is not the one the decision assumed", async () => {
    await addLearner("u3");
    await almostCertified("u3", at("2026-03-01"));
    const now = at("2026-03-02");
    const attemptId = crypto.randomUUID();
    await passCheck("u3", lastChapter, now, attemptId, false); // first submission failed
    const retry = await issuanceStatements({
      userId: "u3",
      next: { kind: "chapter", attemptId, slug: lastChapter, percent: 100, passed: true },
      now,
      db,
    });
    await db.batch([passCheck("u3", lastChapter, now, attemptId).onConflictDoNothing(), ...retry] as never);
    expect(await held("u3")).toEqual([]);
  });

  it("issues nothing when an earlier attempt of another chapter is resent to the last chapter", async () => {
    await addLearner("u3b");
    await almostCertified("u3b", at("2026-03-01"));
    const now = at("2026-03-02");
    const earlier = crypto.randomUUID();
    await passCheck("u3b", otherChapters[0] as string, at("2026-02-28"), earlier); // own, passed, other chapter
    const replay = await issuanceStatements({
      userId: "u3b",
      next: { kind: "chapter", attemptId: earlier, slug: lastChapter, percent: 100, passed: true },
      now,
      db,
    });
    // The route's insert of the resent id stores nothing (the id is taken); the guard must refuse too.
    await db.batch([passCheck("u3b", lastChapter, now, earlier).onConflictDoNothing(), ...replay] as never);
    expect(await held("u3b")).toEqual([]);
  });

  it("renews as a new cycle inside the window and keeps the first one", async () => {
    await addLearner("u4");
    await almostCertified("u4", at("2026-01-01"));
    await (await submitLastChapter("u4", at("2026-01-02"))).run();
    const inWindow = at("2026-12-01"); // expires 2027-01-02, window opens 2026-11-03
    await db.batch([
      passCheck("u4", "complaint-handling", inWindow),
      playScenario("u4", "complaint", 85, inWindow),
    ] as never);
    await reconcileCertificates({ userId: "u4", now: inWindow, db });
    expect(await held("u4"), "a renewal needs an exam pass inside the window").toHaveLength(1);
    await takeExam("u4", inWindow, 85);
    await reconcileCertificates({ userId: "u4", now: inWindow, db });
    const rows = (await held("u4")).sort((x, y) => x.cycle - y.cycle);
    expect(rows.map((r) => [r.cycle, r.kind])).toEqual([
      [1, "initial"],
      [2, "renewal"],
    ]);
    expect(rows[1]?.expiresAt).toEqual(at("2028-01-02"));
    await reconcileCertificates({ userId: "u4", now: inWindow, db });
    expect(await held("u4")).toHaveLength(2);
  });
});

describe("certificate issuance when a role-play completes", () => {
  async function activeComplaint(userId: string, version: number) {
    const [row] = await db
      .insert(scenarioAttempts)
      .values({
        userId,
        scenarioSlug: "complaint",
        contentVersion: "v",
        locale: "zh-CN",
        state: {} as never,
        stepStartedAt: 0,
        version,
      })
      .returning();
    return row?.id as string;
  }
  const finish = (id: string, from: number) =>
    db
      .update(scenarioAttempts)
      .set({
        version: from + 1,
        status: "completed",
        percent: 85,
        passed: true,
        completedAt: at("2026-05-02"),
      })
      .where(and(eq(scenarioAttempts.id, id), eq(scenarioAttempts.version, from)));

  async function allButComplaint(userId: string) {
    await addLearner(userId);
    await db.batch([
      ...def.chapters.map((slug) => passCheck(userId, slug, at("2026-05-01"))),
      ...def.scenarios
        .filter((x) => x.slug !== "complaint")
        .map((x) => playScenario(userId, x.slug, 90, at("2026-05-01"))),
      takeExam(userId, at("2026-05-01")),
    ] as never);
  }

  it("issues with the finishing step's guarded update", async () => {
    await allButComplaint("u6");
    const id = await activeComplaint("u6", 4);
    const issuing = await issuanceStatements({
      userId: "u6",
      next: { kind: "scenario", attemptId: id, version: 5, slug: "complaint", percent: 85 },
      now: at("2026-05-02"),
      db,
    });
    await db.batch([finish(id, 4), ...issuing] as never);
    const [cert] = await held("u6");
    expect(cert?.snapshot["scenario:complaint"]).toBe(85);
  });

  it("issues nothing when another request advanced the attempt first", async () => {
    await allButComplaint("u7");
    const id = await activeComplaint("u7", 4);
    const issuing = await issuanceStatements({
      userId: "u7",
      next: { kind: "scenario", attemptId: id, version: 5, slug: "complaint", percent: 85 },
      now: at("2026-05-02"),
      db,
    });
    await db.update(scenarioAttempts).set({ version: 5 }).where(eq(scenarioAttempts.id, id)); // the other request
    await db.batch([finish(id, 4), ...issuing] as never);
    expect(await held("u7")).toEqual([]);
  });
});

describe("revocation", () => {
  it("revokes once, audits it and tells the holder; a second revoke changes nothing", async () => {
    await addLearner("u5");
    await almostCertified("u5", at("2026-03-01"));
    await (await submitLastChapter("u5", at("2026-03-02"))).run();
    const [cert] = await held("u5");
    if (!cert) throw new Error("not issued");
    const now = at("2026-04-01");
    await db.insert(users).values({
      id: "admin",
      employeeNo: "A1",
      name: "管理员",
      branchId: "b1",
      role: "admin",
      hireDate: "2026-01-01",
    });
    expect(await revokeCertificate({ id: cert.id, actorId: "admin", reason: "考核作弊", now, db })).toBe(
      true,
    );
    expect(
      await revokeCertificate({ id: cert.id, actorId: "admin", reason: "again", now: at("2026-04-02"), db }),
    ).toBe(false);
    const [after] = await held("u5");
    expect(after).toMatchObject({ revokedAt: now, revokedBy: "admin", revokeReason: "考核作弊" });
    const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, cert.id));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ action: "certificate.revoke", actorId: "admin" });
    expect(audits[0]?.after).toMatchObject({ status: "revoked", reason: "考核作弊", code: cert.code });
    const notes = await db.select().from(notifications).where(eq(notifications.userId, "u5"));
    expect(notes.map((n) => n.kind).sort()).toEqual(["certificate-issued", "certificate-revoked"]);
  });
});
