import { BANK_TIME_ZONE } from "../training/assignment-status";
import type { Locale } from "./locales";

/**
 * The one way the app writes a date for people: 2026年12月2日 in Chinese, Dec 2, 2026 in English
 * (`long`, for certificates and e-mails: December 2, 2026), always on the bank's calendar
 * (Asia/Shanghai), whatever the server's or the reader's time zone. Spreadsheet exports keep their
 * own sortable form.
 */
export type When = Date | number | string;
export type DateStyle = "medium" | "long";

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone: BANK_TIME_ZONE });
    formatters.set(key, found);
  }
  return found;
}

/** A "2026-12-02" string is a bank day (a due date, a hire date): noon there, so no zone moves it. */
function toInstant(value: When): Date | null {
  const at =
    typeof value === "string" && CALENDAR_DATE.test(value)
      ? new Date(`${value}T12:00:00+08:00`)
      : new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** A day: a Date, epoch milliseconds, an ISO timestamp or a bank calendar date ("2026-12-02"). */
export function formatDate(value: When, locale: Locale, style: DateStyle = "medium"): string {
  const at = toInstant(value);
  return at ? formatter(locale, { dateStyle: style }).format(at) : String(value);
}

/** A moment: the day as formatDate writes it and the bank's clock time (with seconds for logs). */
export function formatDateTime(value: When, locale: Locale, { seconds = false } = {}): string {
  const at = toInstant(value);
  return at
    ? formatter(locale, { dateStyle: "medium", timeStyle: seconds ? "medium" : "short" }).format(at)
    : String(value);
}
