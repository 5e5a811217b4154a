import { afterEach, describe, expect, it } from "vitest";
import { bankDayStart, startOfBankDay } from "@/lib/assessment/bank-day";
import { attemptAvailability, type PastAttempt } from "@/lib/assessment/policy";

const policy = { attemptsPerDay: 3, cooldownMinutes: 10 };
const t = (iso: string) => new Date(iso);
/** An attempt started at `start` and closed `minutes` later. */
const attempt = (start: string, passed: boolean | null, minutes = 5): PastAttempt => ({
  startedAt: t(start),
  closedAt: passed === null ? null : new Date(t(start).getTime() + minutes * 60_000),
  passed,
});

describe("Beijing calendar days", () => {
  it("turn at 00:00 Asia/Shanghai, which is 16:00 UTC", () => {
    expect(startOfBankDay(t("2026-03-02T15:59:59Z"))).toEqual(t("2026-03-01T16:00:00Z"));
    expect(startOfBankDay(t("2026-03-02T16:00:00Z"))).toEqual(t("2026-03-02T16:00:00Z"));
    expect(bankDayStart(t("2026-03-02T15:59:59Z"), 1)).toEqual(t("2026-03-02T16:00:00Z"));
    expect(bankDayStart(t("2026-02-28T17:00:00Z"), 1)).toEqual(t("2026-03-01T16:00:00Z")); // Mar 1 Beijing → Mar 2
  });
});

describe("attemptAvailability", () => {
  const serverZone = process.env.TZ;
  afterEach(() => {
    if (serverZone === undefined) delete process.env.TZ;
    else process.env.TZ = serverZone;
  });

  it("starts with the day's full allowance", () => {
    expect(attemptAvailability(policy, [], t("2026-03-02T02:00:00Z"))).toEqual({
      canStart: true,
      attemptsLeftToday: 3,
    });
  });

  it("counts attempts started on today's Beijing date, passed or not, open or closed", () => {
    const attempts = [attempt("2026-03-02T01:00:00Z", true), attempt("2026-03-02T03:00:00Z", null)];
    expect(attemptAvailability(policy, attempts, t("2026-03-02T04:00:00Z"))).toEqual({
      canStart: true,
      attemptsLeftToday: 1,
    });
  });

  it("stops at the daily limit until 00:00 Beijing time, then allows the full allowance again", () => {
    // 10:00, 13:00 and 23:59:30 on 2 March in Beijing; the last one started before midnight counts for the 2nd.
    const attempts = [
      attempt("2026-03-02T02:00:00Z", true),
      attempt("2026-03-02T05:00:00Z", true),
      attempt("2026-03-02T15:59:30Z", true, 0.25),
    ];
    expect(attemptAvailability(policy, attempts, t("2026-03-02T15:59:59Z"))).toEqual({
      canStart: false,
      reason: "daily-limit",
      attemptsLeftToday: 0,
      opensAt: t("2026-03-02T16:00:00Z"),
    });
    expect(attemptAvailability(policy, attempts, t("2026-03-02T16:00:00Z"))).toEqual({
      canStart: true,
      attemptsLeftToday: 3,
    });
  });

  it("an attempt at 00:30 Beijing (16:30 UTC the day before) counts for the new day", () => {
    const attempts = [
      attempt("2026-03-02T16:30:00Z", true),
      attempt("2026-03-02T17:00:00Z", true),
      attempt("2026-03-02T18:00:00Z", true),
    ];
    expect(attemptAvailability(policy, attempts, t("2026-03-02T19:00:00Z"))).toMatchObject({
      canStart: false,
      reason: "daily-limit",
      opensAt: t("2026-03-03T16:00:00Z"),
    });
  });

  it("waits the cooldown after a failed attempt, counted from its close", () => {
    const failed = [attempt("2026-03-02T02:00:00Z", false)]; // closed 02:05
    expect(attemptAvailability(policy, failed, t("2026-03-02T02:14:59Z"))).toEqual({
      canStart: false,
      reason: "cooldown",
      attemptsLeftToday: 2,
      opensAt: t("2026-03-02T02:15:00Z"),
    });
    expect(attemptAvailability(policy, failed, t("2026-03-02T02:15:00Z"))).toEqual({
      canStart: true,
      attemptsLeftToday: 2,
    });
    // A pass has no cooldown, and a cooldown of 0 minutes none either.
    expect(
      attemptAvailability(policy, [attempt("2026-03-02T02:00:00Z", true)], t("2026-03-02T02:06:00Z")),
    ).toMatchObject({ canStart: true });
    expect(
      attemptAvailability({ ...policy, cooldownMinutes: 0 }, failed, t("2026-03-02T02:05:00Z")),
    ).toMatchObject({ canStart: true });
  });

  it("when both hold, names the one that lasts longer: a cooldown running past midnight", () => {
    const attempts = [
      attempt("2026-03-02T02:00:00Z", true),
      attempt("2026-03-02T05:00:00Z", true),
      attempt("2026-03-02T15:50:00Z", false), // closed 23:55 Beijing; cooldown until 00:05
    ];
    expect(attemptAvailability(policy, attempts, t("2026-03-02T15:58:00Z"))).toEqual({
      canStart: false,
      reason: "cooldown",
      attemptsLeftToday: 0,
      opensAt: t("2026-03-02T16:05:00Z"),
    });
    expect(attemptAvailability(policy, attempts, t("2026-03-02T16:05:00Z"))).toEqual({
      canStart: true,
      attemptsLeftToday: 3,
    });
  });

  it("does not depend on the server's own time zone", () => {
    process.env.TZ = "America/New_York";
    const attempts = [
      attempt("2026-03-02T02:00:00Z", true),
      attempt("2026-03-02T05:00:00Z", true),
      attempt("2026-03-02T08:00:00Z", true),
    ];
    expect(attemptAvailability(policy, attempts, t("2026-03-02T12:00:00Z"))).toMatchObject({
      reason: "daily-limit",
      opensAt: t("2026-03-02T16:00:00Z"),
    });
  });
});
