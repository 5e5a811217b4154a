import "server-only";
import { sql } from "drizzle-orm";
import { type TrendRow, trendMonths, trendRows } from "../../lib/reports/trends";
import { type Db, db as defaultDb } from "../client";
import { subtreeOf } from "../sql/subtree";
import { reportCertification } from "./reports";

type Counted = { month: string; attempts: number; passed: number };

/**
 * Pass rates and the certification rate by month, for the active learners of the subtree at
 * `rootPath`, over the last `months` months (Beijing time). The subtree is in every statement's
 * SQL; the attempts are read from `since` on only, so the cost follows the window, not the history.
 */
export async function getTrends({
  rootPath,
  now = new Date(),
  months: count = 12,
  db = defaultDb,
}: {
  rootPath: string;
  now?: Date;
  months?: number;
  db?: Db;
}): Promise<TrendRow[]> {
  const months = trendMonths(now, count);
  const since = months[0]?.start ?? now.getTime();
  const learners = sql`join users u on u.id = a.user_id join branches b on b.id = u.branch_id
    where ${subtreeOf(rootPath, sql`b.path`)} and u.active = 1 and u.role = 'learner'`;
  const month = (seconds: string) => sql.raw(`strftime('%Y-%m', ${seconds} + 28800, 'unixepoch')`);
  const ends = sql.join(
    months.map((m) => sql`(${m.month}, ${m.end})`),
    sql`, `,
  );
  const cert = reportCertification().id;
  const [checks, plays, certified, [head]] = await db.batch([
    db.all<Counted>(sql`select ${month("a.created_at")} as month, count(*) as attempts, sum(a.passed) as passed
      from check_attempts a ${learners} and a.created_at >= ${Math.floor(since / 1000)} group by 1`),
    db.all<Counted>(sql`select ${month("a.completed_at")} as month, count(*) as attempts,
        sum(coalesce(a.passed, 0)) as passed
      from scenario_attempts a ${learners} and a.status = 'completed'
        and a.completed_at >= ${Math.floor(since / 1000)} group by 1`),
    db.all<{ month: string; people: number }>(sql`with ends(month, t) as (values ${ends})
      select e.month as month, count(distinct a.user_id) as people
      from ends e join certificates a on a.certification_id = ${cert} and a.issued_at <= e.t
        and a.expires_at > e.t and (a.revoked_at is null or a.revoked_at > e.t)
      ${learners} group by e.month`),
    db.all<{ n: number }>(sql`select count(*) as n from users u join branches b on b.id = u.branch_id
      where ${subtreeOf(rootPath, sql`b.path`)} and u.active = 1 and u.role = 'learner'`),
  ]);
  const byMonth = (rows: Counted[]) =>
    new Map(rows.map((r) => [r.month, { attempts: Number(r.attempts), passed: Number(r.passed ?? 0) }]));
  return trendRows(months, {
    checks: byMonth(checks),
    plays: byMonth(plays),
    certified: new Map(certified.map((r) => [r.month, Number(r.people)])),
    headcount: Number(head?.n ?? 0),
  });
}
