import type { Certification } from "../certification/definition";
import { certificateStatus } from "../certification/rules";
import type { NotificationKind } from "../notifications/kinds";
import type { AssignmentItemType, AssignmentStatus } from "../training/assignment-status";

/** Remind from this many days before the due date (0 = on the day itself). */
export const DUE_SOON_DAYS = 3;

export type ReminderKind = Extract<NotificationKind, "due-soon" | "overdue" | "certificate-expiring">;

/**
 * A notification to store. The dedupe key names the event, so planning the same day twice gives
 * the same keys (stored once), while a moved due date is a new event.
 */
export type NotificationDraft = {
  userId: string;
  kind: ReminderKind;
  dedupeKey: string;
  payload: Record<string, string>;
};

export type ReminderAssignment = {
  id: string;
  userId: string;
  itemType: AssignmentItemType;
  itemSlug: string;
  dueDate: string;
  status: AssignmentStatus;
  daysUntilDue: number;
};

export type ReminderCertificate = {
  id: string;
  userId: string;
  certificationId: string;
  cycle: number;
  code: string;
  issuedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
};

function assignmentReminder(a: ReminderAssignment): NotificationDraft | null {
  const kind =
    a.status === "overdue"
      ? "overdue"
      : a.status !== "completed" && a.daysUntilDue >= 0 && a.daysUntilDue <= DUE_SOON_DAYS
        ? "due-soon"
        : null;
  if (!kind) return null;
  return {
    userId: a.userId,
    kind,
    dedupeKey: `${kind}:${a.id}:${a.dueDate}`,
    payload: { itemType: a.itemType, itemSlug: a.itemSlug, dueDate: a.dueDate },
  };
}

/** The person's newest cycle of each certification, keyed "user|certification". */
function newestCycles(certificates: readonly ReminderCertificate[]): Map<string, number> {
  const newest = new Map<string, number>();
  for (const c of certificates) {
    const key = `${c.userId}|${c.certificationId}`;
    newest.set(key, Math.max(newest.get(key) ?? 0, c.cycle));
  }
  return newest;
}

/**
 * The reminders that are due at `now`: assignments due within DUE_SOON_DAYS or overdue and not
 * completed, and certificates inside their renewal window that have not been renewed yet.
 * Pass all of the people's certificates, so a renewed one is recognised by its later cycle.
 */
export function planReminders({
  assignments,
  certificates,
  certifications,
  now,
}: {
  assignments: readonly ReminderAssignment[];
  certificates: readonly ReminderCertificate[];
  certifications: readonly Certification[];
  now: Date;
}): NotificationDraft[] {
  const drafts = assignments.flatMap((a) => assignmentReminder(a) ?? []);
  const newest = newestCycles(certificates);
  for (const c of certificates) {
    const def = certifications.find((d) => d.id === c.certificationId);
    if (!def || c.revokedAt) continue;
    if (newest.get(`${c.userId}|${c.certificationId}`) !== c.cycle) continue;
    if (certificateStatus(def, c, now) !== "expiring") continue;
    drafts.push({
      userId: c.userId,
      kind: "certificate-expiring",
      dedupeKey: `certificate-expiring:${c.id}`,
      payload: {
        certificateId: c.id,
        certificationId: c.certificationId,
        code: c.code,
        expiresAt: c.expiresAt.toISOString(),
      },
    });
  }
  return drafts;
}
