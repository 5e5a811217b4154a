/** Due dates are calendar days in the bank's time zone, whatever the server's own zone is. */
export const BANK_TIME_ZONE = "Asia/Shanghai";

/** What can be assigned (the schema's `assignments.item_type`), and where an assignment came from. */
export const ASSIGNMENT_ITEMS = ["chapter", "scenario", "certification"] as const;
export type AssignmentItemType = (typeof ASSIGNMENT_ITEMS)[number];
export const ASSIGNMENT_SOURCES = ["manager", "onboarding"] as const;
export type AssignmentStatus = "not-started" | "in-progress" | "completed" | "overdue";

const bankDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: BANK_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

let last = { at: Number.NaN, date: "" };

/** The calendar date at `now` in the bank's time zone, "YYYY-MM-DD". */
export function bankDate(now: Date): string {
  // Statuses for a whole bank ask about the same instant many thousands of times.
  if (now.getTime() === last.at) return last.date;
  const parts = bankDay.formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  last = { at: now.getTime(), date: `${part("year")}-${part("month")}-${part("day")}` };
  return last.date;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a "YYYY-MM-DD" date, or NaN when it is not a real calendar date. */
function dayNumber(date: string): number {
  const m = DATE.exec(date);
  if (!m) return Number.NaN;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().startsWith(date) ? ms / DAY_MS : Number.NaN;
}

export function isCalendarDate(value: string): boolean {
  return !Number.isNaN(dayNumber(value));
}

/** `date` moved by `days` calendar days ("2026-02-27" + 2 = "2026-03-01"). */
export function addCalendarDays(date: string, days: number): string {
  const n = dayNumber(date);
  if (Number.isNaN(n)) throw new Error(`not a calendar date: ${date}`);
  return new Date((n + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from today (bank time) to the due date: 0 = due today, negative = overdue. */
export function daysUntilDue(dueDate: string, now: Date): number {
  return dayNumber(dueDate) - dayNumber(bankDate(now));
}

/**
 * What one person has done, as the status rules read it. A chapter or scenario appears once the
 * person has started it (reading progress or any attempt), with the time of the first pass if any.
 */
export type PersonFacts = {
  chapters: Record<string, { passedAt: Date | null }>;
  scenarios: Record<string, { passedAt: Date | null }>;
  certificates: { certificationId: string; issuedAt: Date; expiresAt: Date; revokedAt: Date | null }[];
};

export const NO_FACTS: PersonFacts = { chapters: {}, scenarios: {}, certificates: [] };

export type AssignmentItem = { itemType: AssignmentItemType; itemSlug: string; dueDate: string };

export type AssignmentState = {
  status: AssignmentStatus;
  completedAt: Date | null;
  /** Completed, but on a bank date after the due date. */
  late: boolean;
  daysUntilDue: number;
};

function completion(item: AssignmentItem, facts: PersonFacts, now: Date): Date | null {
  if (item.itemType === "chapter") return facts.chapters[item.itemSlug]?.passedAt ?? null;
  if (item.itemType === "scenario") return facts.scenarios[item.itemSlug]?.passedAt ?? null;
  const held = facts.certificates.filter(
    (c) =>
      c.certificationId === item.itemSlug &&
      c.issuedAt.getTime() <= now.getTime() &&
      c.expiresAt.getTime() > now.getTime() &&
      !(c.revokedAt && c.revokedAt.getTime() <= now.getTime()),
  );
  return held.length ? new Date(Math.min(...held.map((c) => c.issuedAt.getTime()))) : null;
}

function started(item: AssignmentItem, facts: PersonFacts): boolean {
  if (item.itemType === "chapter") return item.itemSlug in facts.chapters;
  if (item.itemType === "scenario") return item.itemSlug in facts.scenarios;
  return Object.keys(facts.chapters).length > 0 || Object.keys(facts.scenarios).length > 0;
}

/**
 * An assignment's status, derived from results and never ticked by hand. Completed wins over
 * overdue; an assignment is overdue from the bank day after its due date.
 */
export function assignmentStatus(item: AssignmentItem, facts: PersonFacts, now: Date): AssignmentState {
  const days = daysUntilDue(item.dueDate, now);
  const completedAt = completion(item, facts, now);
  if (completedAt) {
    return {
      status: "completed",
      completedAt,
      late: bankDate(completedAt) > item.dueDate,
      daysUntilDue: days,
    };
  }
  const status = days < 0 ? "overdue" : started(item, facts) ? "in-progress" : "not-started";
  return { status, completedAt: null, late: false, daysUntilDue: days };
}

/** Overdue first, then by due date, then by `rank` (e.g. reading order). */
export function compareByUrgency(
  a: { status: AssignmentStatus; dueDate: string; rank?: number },
  b: { status: AssignmentStatus; dueDate: string; rank?: number },
): number {
  const overdue = Number(b.status === "overdue") - Number(a.status === "overdue");
  if (overdue) return overdue;
  if (a.dueDate !== b.dueDate) return a.dueDate < b.dueDate ? -1 : 1;
  return (a.rank ?? 0) - (b.rank ?? 0);
}
