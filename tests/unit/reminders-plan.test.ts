import { describe, expect, it } from "vitest";
import { findCertification } from "@/lib/certification/catalog";
import {
  DUE_SOON_DAYS,
  planReminders,
  type ReminderAssignment,
  type ReminderCertificate,
} from "@/lib/reminders/plan";
import { type AssignmentStatus, addCalendarDays, bankDate } from "@/lib/training/assignment-status";

const now = new Date("2026-03-10T02:00:00Z");
const today = bankDate(now);
const def = findCertification("counter-service");
if (!def) throw new Error("counter-service is not defined");
const certifications = [def];

const assignment = (daysUntilDue: number, status: AssignmentStatus, id = "a1"): ReminderAssignment => ({
  id,
  userId: "u1",
  itemType: "chapter",
  itemSlug: "basic-skills",
  dueDate: addCalendarDays(today, daysUntilDue),
  status,
  daysUntilDue,
});

const DAY = 86_400_000;
const certificate = (
  expiresInDays: number,
  extra: Partial<ReminderCertificate> = {},
): ReminderCertificate => ({
  id: "c1",
  userId: "u1",
  certificationId: "counter-service",
  cycle: 1,
  code: "ABCDEFGH2345",
  issuedAt: new Date(now.getTime() - 300 * DAY),
  expiresAt: new Date(now.getTime() + expiresInDays * DAY),
  revokedAt: null,
  ...extra,
});

const plan = (assignments: ReminderAssignment[], certificates: ReminderCertificate[] = []) =>
  planReminders({ assignments, certificates, certifications, now });

describe("assignment reminders", () => {
  it("reminds from three days before the due date through the due date itself", () => {
    expect(DUE_SOON_DAYS).toBe(3);
    for (const days of [0, 1, 2, 3]) {
      const status = days === 0 ? "in-progress" : "not-started";
      expect(plan([assignment(days, status)]).map((d) => d.kind)).toEqual(["due-soon"]);
    }
    expect(plan([assignment(4, "not-started")])).toEqual([]);
  });

  it("sends an overdue reminder instead once the due date has passed", () => {
    const [draft] = plan([assignment(-1, "overdue")]);
    expect(draft).toEqual({
      userId: "u1",
      kind: "overdue",
      dedupeKey: `overdue:a1:${addCalendarDays(today, -1)}`,
      payload: { itemType: "chapter", itemSlug: "basic-skills", dueDate: addCalendarDays(today, -1) },
    });
  });

  it("does not remind about completed work, early or late", () => {
    expect(plan([assignment(2, "completed"), assignment(-5, "completed", "a2")])).toEqual([]);
  });

  it("gives the same keys for the same input and a new key for a moved due date", () => {
    const input = [assignment(2, "not-started"), assignment(-3, "overdue", "a2")];
    const first = plan(input).map((d) => d.dedupeKey);
    expect(plan(input).map((d) => d.dedupeKey)).toEqual(first);
    expect(first).toEqual([
      `due-soon:a1:${addCalendarDays(today, 2)}`,
      `overdue:a2:${addCalendarDays(today, -3)}`,
    ]);
    const moved = plan([assignment(1, "not-started")]).map((d) => d.dedupeKey);
    expect(moved).toEqual([`due-soon:a1:${addCalendarDays(today, 1)}`]);
    expect(first).not.toContain(moved[0]);
  });
});

describe("certificate reminders", () => {
  it("reminds inside the renewal window with the certificate's details", () => {
    const cert = certificate(30);
    expect(plan([], [cert])).toEqual([
      {
        userId: "u1",
        kind: "certificate-expiring",
        dedupeKey: "certificate-expiring:c1",
        payload: {
          certificateId: "c1",
          certificationId: "counter-service",
          code: "ABCDEFGH2345",
          expiresAt: cert.expiresAt.toISOString(),
        },
      },
    ]);
  });

  it("respects the window's boundaries", () => {
    const window = def.renewalWindowDays;
    expect(plan([], [certificate(window)])).toHaveLength(1);
    expect(plan([], [certificate(window + 1)])).toEqual([]);
    expect(plan([], [certificate(0)])).toEqual([]);
    expect(plan([], [certificate(0.01)])).toHaveLength(1);
  });

  it("skips revoked certificates, renewed ones and unknown certifications", () => {
    expect(plan([], [certificate(30, { revokedAt: now })])).toEqual([]);
    const renewal = certificate(30 + 365, { id: "c2", cycle: 2, issuedAt: now });
    expect(plan([], [certificate(30), renewal])).toEqual([]);
    expect(plan([], [certificate(30, { certificationId: "retired" })])).toEqual([]);
  });

  it("keeps people apart", () => {
    const other = certificate(30 + 365, { id: "c2", userId: "u2", cycle: 2 });
    expect(plan([], [certificate(30), other]).map((d) => d.userId)).toEqual(["u1"]);
  });
});
