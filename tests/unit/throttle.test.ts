import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  claimAddressAttempt,
  clearLoginFailures,
  getThrottleDecision,
  recordLoginFailure,
  succeededFromAddress,
} from "@/db/queries/throttle";
import { auditLog, branches, loginThrottle, users } from "@/db/schema";
import {
  ADDRESS_LIMIT,
  checkThrottle,
  LOCK_MS,
  recordFailure,
  type ThrottleState,
  WINDOW_MS,
} from "@/lib/auth/throttle";
import { setUpTestDb } from "./test-db";

const T0 = 1_800_000_000_000;
const fail = (times: number, start = T0, step = 1000) => {
  let state: ThrottleState | undefined;
  for (let i = 0; i < times; i++) state = recordFailure(state, start + i * step);
  return state;
};

describe("login throttling", () => {
  it("allows sign-in when there is no history", () => {
    expect(checkThrottle(undefined, T0)).toEqual({ allowed: true });
  });
  it("still allows the fifth attempt after four failures", () => {
    expect(checkThrottle(fail(4), T0 + 5000)).toEqual({ allowed: true });
  });
  it("locks for 15 minutes after the fifth failure within the window", () => {
    const state = fail(5);
    expect(state?.lockedUntil).toBe(T0 + 4000 + LOCK_MS);
    expect(checkThrottle(state, T0 + 5000)).toEqual({ allowed: false, retryAt: T0 + 4000 + LOCK_MS });
  });
  it("lifts the lock once it has run out and starts counting afresh", () => {
    const state = fail(5);
    const after = T0 + 4000 + LOCK_MS;
    expect(checkThrottle(state, after)).toEqual({ allowed: true });
    expect(recordFailure(state, after)).toEqual({ failures: 1, windowStartedAt: after, lockedUntil: null });
  });
  it("does not lock when the failures are spread beyond the 15-minute window", () => {
    const state = fail(5, T0, WINDOW_MS / 4);
    expect(state?.lockedUntil).toBeNull();
    expect(checkThrottle(state, T0 + WINDOW_MS * 2)).toEqual({ allowed: true });
  });
});

describe("the login throttle in the database", () => {
  const { db } = setUpTestDb((db) =>
    db.insert(branches).values({ id: "b1", code: "B1", name: "总行", nameEn: "HQ", path: "/b1/" }),
  );
  const audits = async (employeeNo: string) =>
    (await db.select().from(auditLog).where(eq(auditLog.targetId, employeeNo))).map((a) => a.action);

  it("locks an employee number on the fifth failure, audits each, and clearing lifts it", async () => {
    const now = 1_000_000;
    for (let i = 0; i < 4; i++)
      expect((await recordLoginFailure({ employeeNo: "E1", now, db }))?.lockedUntil).toBeNull();
    expect(await getThrottleDecision({ employeeNo: "E1", now, db })).toEqual({ allowed: true });
    const fifth = await recordLoginFailure({ employeeNo: "E1", now, db });
    expect(fifth?.lockedUntil).toBe(now + LOCK_MS);
    expect(await getThrottleDecision({ employeeNo: "E1", now: now + 1, db })).toEqual({
      allowed: false,
      retryAt: now + LOCK_MS,
    });
    expect(await audits("E1")).toEqual([...Array(4).fill("auth.signin_failed"), "auth.lockout"]);
    await clearLoginFailures({ employeeNo: "E1", db });
    expect(await getThrottleDecision({ employeeNo: "E1", now: now + 1, db })).toEqual({ allowed: true });
  });

  it("records a failed sign-in as someone anonymous, from their address, for the account, not as its owner", async () => {
    await db
      .insert(users)
      .values({ id: "u-e3", employeeNo: "E3", name: "员工", branchId: "b1", hireDate: "2020-01-01" });
    await recordLoginFailure({ employeeNo: "E3", now: 3_000_000, address: "198.51.100.4", db });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.targetId, "E3"));
    expect(entry).toMatchObject({
      actorId: null,
      actorAddress: "198.51.100.4",
      action: "auth.signin_failed",
      targetType: "employee_no",
      targetId: "E3",
    });
  });

  it("counts every one of several concurrent failures once", async () => {
    const now = 2_000_000;
    await Promise.all(Array.from({ length: 4 }, () => recordLoginFailure({ employeeNo: "E2", now, db })));
    const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.employeeNo, "E2"));
    expect(row?.failures).toBe(4);
    expect(await audits("E2")).toHaveLength(4);
  });

  it("limits failed sign-ins per client address across employee numbers, and a success gives its count back (item 6)", async () => {
    const now = 3_000_000;
    const address = "203.0.113.7";
    await succeededFromAddress({ address, now, db }); // nothing counted yet: nothing to give back
    for (let i = 0; i < ADDRESS_LIMIT.limit; i++) {
      expect(await claimAddressAttempt({ address, now, db }), `attempt ${i + 1}`).toBe(true);
      if (i === 0) await succeededFromAddress({ address, now, db }); // this one was a good password
    }
    expect(await claimAddressAttempt({ address, now, db })).toBe(true); // the refunded one
    expect(await claimAddressAttempt({ address, now, db })).toBe(false);
    expect(await claimAddressAttempt({ address: "203.0.113.8", now, db })).toBe(true);
    expect(await claimAddressAttempt({ address, now: now + ADDRESS_LIMIT.windowMs, db })).toBe(true);
  });
});
