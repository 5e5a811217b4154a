import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { forceSignOut } from "@/db/queries/admin-users";
import { getSecuritySettings, setManagersNeedSecondFactor } from "@/db/queries/app-settings";
import { findChallenge, resetSecondFactor, secondFactorStatus } from "@/db/queries/second-factor";
import { auditLog, branches, recoveryCodes, secondFactors, signInChallenges, users } from "@/db/schema";
import {
  beginSecondStep,
  confirmEnrolment,
  describeSecondStep,
  passSecondStep,
} from "@/db/use-cases/second-sign-in-step";
import { CHALLENGE_TTL_MS } from "@/lib/auth/second-factor-policy";
import { TOTP_PERIOD_MS, totpCodeAtStep, totpStep } from "@/lib/auth/totp";
import { setUpTestDb } from "./test-db";

const { db } = setUpTestDb();
const T0 = new Date("2026-06-01T08:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const ADDRESS = "203.0.113.7";

beforeAll(async () => {
  await db.insert(branches).values({ id: "hq", code: "HQ", name: "总行", nameEn: "HQ", path: "/hq/" });
  await db.insert(users).values([
    {
      id: "t1",
      employeeNo: "E2001",
      name: "培训师",
      role: "trainer",
      branchId: "hq",
      hireDate: "2020-01-01",
    },
    { id: "a1", employeeNo: "E9001", name: "管理员", role: "admin", branchId: "hq", hireDate: "2020-01-01" },
    {
      id: "m1",
      employeeNo: "E3001",
      name: "管理者",
      role: "manager",
      branchId: "hq",
      hireDate: "2020-01-01",
    },
    { id: "l1", employeeNo: "E1001", name: "学员", role: "learner", branchId: "hq", hireDate: "2020-01-01" },
  ]);
});

const begin = (userId: string, now = T0) =>
  beginSecondStep({ userId, provider: "credentials", address: ADDRESS, now, db });
async function started(userId: string, now = T0) {
  const outcome = await begin(userId, now);
  if (outcome.status !== "started") throw new Error(`no step for ${userId}: ${outcome.status}`);
  return outcome.token;
}
const audits = async (action: string) => db.select().from(auditLog).where(eq(auditLog.action, action));

/** Enrols t1 through a step and returns its secret. */
async function enrolTrainer(now = T0) {
  const token = await started("t1", now);
  const step = await describeSecondStep({ token, now, db });
  if (step?.kind !== "enrol") throw new Error("expected an enrolment");
  const enrolled = await confirmEnrolment({
    token,
    code: totpCodeAtStep(step.secret, totpStep(now.getTime())),
    address: ADDRESS,
    now,
    db,
  });
  if (enrolled.status !== "enrolled") throw new Error(enrolled.status);
  return { token, secret: step.secret, recoveryCodes: enrolled.recoveryCodes };
}

describe("who gets a second step", () => {
  it("learners none; admins and trainers always; managers once an admin requires it, audited", async () => {
    expect(await begin("l1")).toEqual({ status: "not_needed" });
    expect((await begin("a1")).status).toBe("started");
    expect(await begin("m1")).toEqual({ status: "not_needed" });
    expect(await setManagersNeedSecondFactor({ required: true, actorId: "a1", db })).toBe("updated");
    expect(await setManagersNeedSecondFactor({ required: true, actorId: "a1", db })).toBe("unchanged");
    expect((await begin("m1")).status).toBe("started");
    expect(await setManagersNeedSecondFactor({ required: false, actorId: "a1", db })).toBe("updated");
    expect(await getSecuritySettings({ db })).toEqual({ managersRequired: false });
    const changes = await audits("settings.update");
    expect(changes.map((c) => [c.actorId, c.before, c.after])).toEqual([
      ["a1", { value: false }, { value: true }],
      ["a1", { value: true }, { value: false }],
    ]);
  });
});

describe("enrolment", () => {
  it("offers a new secret, stored only sealed, and a wrong first code is refused and audited as anonymous", async () => {
    const token = await started("t1");
    const step = await describeSecondStep({ token, now: T0, db });
    expect(step).toMatchObject({ kind: "enrol", employeeNo: "E2001" });
    const secret = step?.kind === "enrol" ? step.secret : "";
    const [row] = await db.select().from(signInChallenges).where(eq(signInChallenges.userId, "t1"));
    expect(row?.enrolSecretSealed).toMatch(/^v1\./);
    expect(row?.enrolSecretSealed).not.toContain(secret);
    expect(row?.tokenHash).not.toBe(token);

    const wrong = totpCodeAtStep(secret, totpStep(T0.getTime()) + 5);
    expect(await confirmEnrolment({ token, code: wrong, address: ADDRESS, now: T0, db })).toEqual({
      status: "wrong_code",
    });
    const [failure] = await audits("auth.second_factor_failed");
    expect(failure).toMatchObject({
      actorId: null,
      actorAddress: ADDRESS,
      targetType: "user",
      targetId: "t1",
    });
    expect(await secondFactorStatus({ userId: "t1", db })).toBeNull();
  });

  it("stores the secret sealed and ten hashed recovery codes, then issues the session once", async () => {
    const { token, secret, recoveryCodes: codes } = await enrolTrainer();
    expect(codes).toHaveLength(10);
    const [factor] = await db.select().from(secondFactors).where(eq(secondFactors.userId, "t1"));
    expect(factor?.secretSealed).not.toContain(secret);
    const stored = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, "t1"));
    expect(stored).toHaveLength(10);
    for (const c of codes) expect(stored.some((s) => s.codeHash.includes(c.replace("-", "")))).toBe(false);
    expect(await secondFactorStatus({ userId: "t1", db })).toMatchObject({ recoveryCodesLeft: 10 });
    const [enrolled] = await audits("auth.second_factor_enrolled");
    expect(enrolled).toMatchObject({ actorId: "t1", actorAddress: ADDRESS, targetId: "t1" });

    const passed = await passSecondStep({ token, code: "", address: ADDRESS, now: T0, db });
    expect(passed).toMatchObject({
      status: "passed",
      method: "enrolment",
      user: { userId: "t1", role: "trainer" },
    });
    expect(await passSecondStep({ token, code: "", address: ADDRESS, now: T0, db })).toEqual({
      status: "expired",
    });
  });
});

describe("the code step", () => {
  let secret = "";
  let codes: string[] = [];
  beforeAll(async () => {
    await resetSecondFactor({ actorId: "a1", userId: "t1", db });
    ({ secret, recoveryCodes: codes } = await enrolTrainer());
  });

  it("shows the code form to someone enrolled and refuses an empty or wrong code", async () => {
    const now = at(TOTP_PERIOD_MS);
    const token = await started("t1", now);
    expect(await describeSecondStep({ token, now, db })).toMatchObject({ kind: "code", employeeNo: "E2001" });
    expect(await passSecondStep({ token, code: "", address: ADDRESS, now, db })).toEqual({
      status: "wrong_code",
    });
    expect(await passSecondStep({ token, code: "000000", address: ADDRESS, now, db })).toEqual({
      status: "wrong_code",
    });
  });

  it("takes a code once: the enrolment's own code and an already used one are refused, a later one passes", async () => {
    const now = at(2 * TOTP_PERIOD_MS);
    const enrolmentCode = totpCodeAtStep(secret, totpStep(T0.getTime()));
    const token = await started("t1", now);
    expect(await passSecondStep({ token, code: enrolmentCode, address: ADDRESS, now, db })).toEqual({
      status: "wrong_code",
    });
    const code = totpCodeAtStep(secret, totpStep(now.getTime()));
    expect(await passSecondStep({ token, code, address: ADDRESS, now, db })).toMatchObject({
      status: "passed",
      method: "totp",
    });
    const again = await started("t1", now);
    expect(await passSecondStep({ token: again, code, address: ADDRESS, now, db })).toEqual({
      status: "wrong_code",
    });
  });

  it("takes each recovery code once, however it is typed", async () => {
    const now = at(3 * TOTP_PERIOD_MS);
    const token = await started("t1", now);
    const typed = (codes[0] as string).toUpperCase().replace("-", " ");
    expect(await passSecondStep({ token, code: typed, address: ADDRESS, now, db })).toMatchObject({
      status: "passed",
      method: "recovery_code",
    });
    expect(await secondFactorStatus({ userId: "t1", db })).toMatchObject({ recoveryCodesLeft: 9 });
    const again = await started("t1", now);
    expect(
      await passSecondStep({ token: again, code: codes[0] as string, address: ADDRESS, now, db }),
    ).toEqual({
      status: "wrong_code",
    });
  });

  it("ends when it expires, when a new step replaces it, and when the person's sessions are ended", async () => {
    const now = at(4 * TOTP_PERIOD_MS);
    const code = totpCodeAtStep(secret, totpStep(now.getTime()));
    const expired = await started("t1", now);
    expect(
      await findChallenge({ token: expired, now: new Date(now.getTime() + CHALLENGE_TTL_MS), db }),
    ).toBeNull();
    const replaced = await started("t1", now);
    await started("t1", now);
    expect(await passSecondStep({ token: replaced, code, address: ADDRESS, now, db })).toEqual({
      status: "expired",
    });
    const voided = await started("t1", now);
    await forceSignOut({ actorId: "a1", userId: "t1", db });
    expect(await passSecondStep({ token: voided, code, address: ADDRESS, now, db })).toEqual({
      status: "expired",
    });
  });

  it("locks after five wrong codes in 15 minutes, before a step even starts, with a lockout entry", async () => {
    const now = at(20 * 60_000); // a fresh 15-minute window: the wrong codes above are older

    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const token = await started("t1", now);
      outcomes.push((await passSecondStep({ token, code: "999999", address: ADDRESS, now, db })).status);
    }
    expect(outcomes.at(-1)).toBe("locked");
    expect(await begin("t1", now)).toEqual({ status: "locked" });
    expect((await audits("auth.second_factor_lockout")).length).toBe(1);
    expect((await begin("t1", at(35 * 60_000))).status).toBe("started");
  });

  it("uses up a step after five wrong codes", async () => {
    const now = at(60 * 60_000);
    const token = await started("t1", now);
    for (let i = 0; i < 4; i++) await passSecondStep({ token, code: "123456", address: ADDRESS, now, db });
    expect((await passSecondStep({ token, code: "123456", address: ADDRESS, now, db })).status).toBe(
      "locked",
    );
    expect(await findChallenge({ token, now, db })).toBeNull();
  });
});

describe("an admin's reset", () => {
  it("removes the authenticator and its codes, ends every session, is audited, and the next sign-in enrols", async () => {
    const before = await db.query.users.findFirst({ where: eq(users.id, "t1") });
    expect(await resetSecondFactor({ actorId: "a1", userId: "t1", db })).toBe(true);
    expect(await resetSecondFactor({ actorId: "a1", userId: "t1", db })).toBe(false);
    const after = await db.query.users.findFirst({ where: eq(users.id, "t1") });
    expect(after?.sessionVersion).toBe((before?.sessionVersion ?? 0) + 1);
    expect(await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, "t1"))).toEqual([]);
    expect((await audits("user.second_factor_reset")).map((a) => a.actorId)).toContain("a1");
    const now = at(2 * 60 * 60_000);
    const token = await started("t1", now);
    expect((await describeSecondStep({ token, now, db }))?.kind).toBe("enrol");
  });
});
