import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  assignmentStatus,
  BANK_TIME_ZONE,
  bankDate,
  compareByUrgency,
  daysUntilDue,
  isCalendarDate,
  NO_FACTS,
  type PersonFacts,
} from "@/lib/training/assignment-status";

/** 10:00 in Shanghai on the given bank date. */
const at = (date: string) => new Date(`${date}T02:00:00Z`);
const chapter = (dueDate: string) => ({ itemType: "chapter" as const, itemSlug: "basic-skills", dueDate });
const scenario = (dueDate: string) => ({ itemType: "scenario" as const, itemSlug: "complaint", dueDate });
const certification = (dueDate: string) => ({
  itemType: "certification" as const,
  itemSlug: "counter-service",
  dueDate,
});
const facts = (f: Partial<PersonFacts>): PersonFacts => ({ ...NO_FACTS, ...f });
const cert = (issued: string, expires: string, revoked: string | null = null) => ({
  certificationId: "counter-service",
  issuedAt: at(issued),
  expiresAt: at(expires),
  revokedAt: revoked ? at(revoked) : null,
});

describe("bank dates", () => {
  it("uses the bank's time zone", () => {
    expect(BANK_TIME_ZONE).toBe("Asia/Shanghai");
  });
  it("is already the next day in Shanghai at 16:30 UTC", () => {
    expect(bankDate(new Date("2026-03-01T15:59:59Z"))).toBe("2026-03-01");
    expect(bankDate(new Date("2026-03-01T16:30:00Z"))).toBe("2026-03-02");
  });
  it("counts calendar days until the due date in bank time", () => {
    expect(daysUntilDue("2026-03-02", new Date("2026-03-01T16:30:00Z"))).toBe(0);
    expect(daysUntilDue("2026-03-02", new Date("2026-03-01T15:00:00Z"))).toBe(1);
    expect(daysUntilDue("2026-03-01", at("2026-03-05"))).toBe(-4);
    expect(daysUntilDue("2027-01-01", at("2026-12-31"))).toBe(1);
  });
  it("adds calendar days across month and leap-year ends", () => {
    expect(addCalendarDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(addCalendarDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addCalendarDays("2026-01-05", 30)).toBe("2026-02-04");
    expect(addCalendarDays("2026-03-01", -1)).toBe("2026-02-28");
  });
  it("recognises real calendar dates only", () => {
    expect(isCalendarDate("2026-02-28")).toBe(true);
    expect(isCalendarDate("2026-02-30")).toBe(false);
    expect(isCalendarDate("2026-2-3")).toBe(false);
    expect(() => addCalendarDays("tomorrow", 1)).toThrow();
  });
});

describe("assignment status", () => {
  it("is not started, and not overdue, on the due date itself", () => {
    expect(assignmentStatus(chapter("2026-03-10"), NO_FACTS, at("2026-03-10"))).toEqual({
      status: "not-started",
      completedAt: null,
      late: false,
      daysUntilDue: 0,
    });
    const lastMinute = new Date("2026-03-10T15:59:00Z");
    expect(assignmentStatus(chapter("2026-03-10"), NO_FACTS, lastMinute).status).toBe("not-started");
  });

  it("is overdue from the next bank day when not done", () => {
    expect(assignmentStatus(chapter("2026-03-09"), NO_FACTS, at("2026-03-10"))).toMatchObject({
      status: "overdue",
      daysUntilDue: -1,
    });
    // 16:30 UTC on the due date is already the following day in Shanghai.
    expect(assignmentStatus(chapter("2026-03-01"), NO_FACTS, new Date("2026-03-01T16:30:00Z")).status).toBe(
      "overdue",
    );
  });

  it("is in progress once reading or an attempt began, overdue when late and still unfinished", () => {
    const reading = facts({ chapters: { "basic-skills": { passedAt: null } } });
    expect(assignmentStatus(chapter("2026-03-10"), reading, at("2026-03-01")).status).toBe("in-progress");
    expect(assignmentStatus(chapter("2026-03-10"), reading, at("2026-03-11")).status).toBe("overdue");
    const otherChapter = facts({ chapters: { "service-importance": { passedAt: null } } });
    expect(assignmentStatus(chapter("2026-03-10"), otherChapter, at("2026-03-01")).status).toBe(
      "not-started",
    );
  });

  it("completes a chapter at its first pass", () => {
    const passed = facts({ chapters: { "basic-skills": { passedAt: at("2026-03-05") } } });
    expect(assignmentStatus(chapter("2026-03-10"), passed, at("2026-03-20"))).toEqual({
      status: "completed",
      completedAt: at("2026-03-05"),
      late: false,
      daysUntilDue: -10,
    });
  });

  it("reports completed but late when finished after the due date", () => {
    const passed = facts({ chapters: { "basic-skills": { passedAt: at("2026-03-12") } } });
    expect(assignmentStatus(chapter("2026-03-10"), passed, at("2026-03-20"))).toMatchObject({
      status: "completed",
      late: true,
    });
    // Passed at 23:30 Shanghai time on the due date: on time.
    const justInTime = facts({
      chapters: { "basic-skills": { passedAt: new Date("2026-03-10T15:30:00Z") } },
    });
    expect(assignmentStatus(chapter("2026-03-10"), justInTime, at("2026-03-20")).late).toBe(false);
  });

  it("completes a scenario only with a passed attempt", () => {
    const tried = facts({ scenarios: { complaint: { passedAt: null } } });
    expect(assignmentStatus(scenario("2026-03-10"), tried, at("2026-03-01")).status).toBe("in-progress");
    const passed = facts({ scenarios: { complaint: { passedAt: at("2026-03-02") } } });
    expect(assignmentStatus(scenario("2026-03-10"), passed, at("2026-03-03")).status).toBe("completed");
  });

  it("completes a certification with a valid certificate", () => {
    const held = facts({ certificates: [cert("2026-03-05", "2027-03-05")] });
    expect(assignmentStatus(certification("2026-03-10"), held, at("2026-03-06"))).toMatchObject({
      status: "completed",
      completedAt: at("2026-03-05"),
      late: false,
    });
  });

  it("does not count a revoked or an expired certificate", () => {
    const revoked = facts({ certificates: [cert("2026-03-05", "2027-03-05", "2026-03-06")] });
    expect(assignmentStatus(certification("2026-03-10"), revoked, at("2026-03-07")).status).toBe(
      "not-started",
    );
    expect(assignmentStatus(certification("2026-03-10"), revoked, at("2026-03-11")).status).toBe("overdue");
    const expired = facts({ certificates: [cert("2025-03-01", "2026-03-01")] });
    expect(assignmentStatus(certification("2026-03-10"), expired, at("2026-03-02")).status).toBe(
      "not-started",
    );
    const otherCertification = facts({
      certificates: [{ ...cert("2026-03-05", "2027-03-05"), certificationId: "other" }],
    });
    expect(assignmentStatus(certification("2026-03-10"), otherCertification, at("2026-03-06")).status).toBe(
      "not-started",
    );
  });

  it("counts a certification as in progress once any chapter or scenario began", () => {
    const reading = facts({ chapters: { "service-importance": { passedAt: null } } });
    expect(assignmentStatus(certification("2026-03-10"), reading, at("2026-03-01")).status).toBe(
      "in-progress",
    );
    const playing = facts({ scenarios: { greeting: { passedAt: null } } });
    expect(assignmentStatus(certification("2026-03-10"), playing, at("2026-03-01")).status).toBe(
      "in-progress",
    );
  });
});

describe("ordering by urgency", () => {
  it("puts overdue first, then the nearest due date, then the given rank", () => {
    const rows = [
      { id: "later", status: "not-started" as const, dueDate: "2026-04-01" },
      { id: "done", status: "completed" as const, dueDate: "2026-02-01" },
      { id: "second", status: "in-progress" as const, dueDate: "2026-03-10", rank: 2 },
      { id: "first", status: "in-progress" as const, dueDate: "2026-03-10", rank: 1 },
      { id: "overdue", status: "overdue" as const, dueDate: "2026-03-01" },
    ];
    expect(rows.sort(compareByUrgency).map((r) => r.id)).toEqual([
      "overdue",
      "done",
      "first",
      "second",
      "later",
    ]);
  });
});
