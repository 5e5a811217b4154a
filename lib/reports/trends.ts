import { share } from "./rates";

const BANK_OFFSET_MS = 8 * 3_600_000;

/** The last `count` months in the bank's time zone (Asia/Shanghai, no daylight saving), oldest first. */
export function trendMonths(now: Date, count = 12): { month: string; start: number; end: number }[] {
  const local = new Date(now.getTime() + BANK_OFFSET_MS);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth();
  return Array.from({ length: count }, (_, i) => {
    const first = Date.UTC(y, m - (count - 1 - i), 1) - BANK_OFFSET_MS;
    const next = Date.UTC(y, m - (count - 1 - i) + 1, 1) - BANK_OFFSET_MS;
    const d = new Date(first + BANK_OFFSET_MS);
    const month = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
    // A month still running is measured now, not at its end.
    return { month, start: first, end: Math.min(next, now.getTime()) };
  });
}

export type TrendCounts = {
  checks: Map<string, { attempts: number; passed: number }>;
  plays: Map<string, { attempts: number; passed: number }>;
  /** People holding the certificate at each month's end. */
  certified: Map<string, number>;
  headcount: number;
};

export type TrendRow = {
  month: string;
  checkAttempts: number;
  /** Percent of knowledge-check attempts that month that passed. */
  checkPassRate: number | null;
  playAttempts: number;
  /** Percent of completed role-plays that month that passed. */
  playPassRate: number | null;
  /** Percent of today's active learners holding the certificate at the month's end. */
  certifiedRate: number | null;
};

export function trendRows(months: { month: string }[], c: TrendCounts): TrendRow[] {
  return months.map(({ month }) => {
    const checks = c.checks.get(month) ?? { attempts: 0, passed: 0 };
    const plays = c.plays.get(month) ?? { attempts: 0, passed: 0 };
    return {
      month,
      checkAttempts: checks.attempts,
      checkPassRate: share(checks.passed, checks.attempts),
      playAttempts: plays.attempts,
      playPassRate: share(plays.passed, plays.attempts),
      certifiedRate: share(c.certified.get(month) ?? 0, c.headcount),
    };
  });
}
