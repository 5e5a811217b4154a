import type { InStatement } from "@libsql/client";
import { subtreeSql } from "../sql/subtree";

/**
 * The overview's SQL, as plain statements for @libsql/client: the report runs them in one batch
 * and the benchmark runs the very same ones as the floor to compare the endpoint with. Figures are
 * per branch (not subtree) and over active learners; lib/reports/overview.ts rolls them up.
 * Certificates and due dates follow lib/certification/rules.ts and lib/training/assignment-status.ts.
 */
export type OverviewParams = {
  /** The viewer's scope, a branch path prefix ("/" for the whole bank). */
  rootPath: string;
  certificationId: string;
  /** Now, in ms. */
  now: number;
  /** Today in the bank's time zone, "YYYY-MM-DD". */
  today: string;
  /** Certificates expiring before this instant (ms) are "expiring". */
  expiringBefore: number;
};

const inRoot = (path: string) => subtreeSql(path, ":root");
const learners = (join = "") => `from branches b join users u on u.branch_id = b.id ${join}
  where ${inRoot("b.path")} and u.role = 'learner' and u.active = 1`;

/** A certificate `c` of the certification held at :now (issued, not expired, not revoked). */
const HELD = `c.issued_at <= :now and c.expires_at > :now and (c.revoked_at is null or c.revoked_at > :now)`;

/**
 * In this order: branches, stored totals (with each branch's learners), stored overdue chapter and
 * role-play assignments, certificates, stored certification assignments past due, and those of them
 * whose certificate is held now (the rest are overdue). Keys sort "cert:…" < "chapter:…" <
 * "competency:…" < "learners" < "open:…" < "scenario:…", so each read is a range of the key.
 */
export function overviewStatements(p: OverviewParams): InStatement[] {
  const args: Record<string, string | number> = {
    root: p.rootPath,
    cert: p.certificationId,
    now: p.now,
    today: p.today,
    soon: p.expiringBefore,
  };
  const stored = (keys: string) => `from branches b join branch_report_stats r on r.branch_id = b.id
      where ${inRoot("b.path")} and (${keys})`;
  const statements = [
    `select id, path, name, name_en from branches where ${inRoot("path")} and active = 1 order by path`,
    `select r.branch_id, r.key, r.people, r.passed, r.percent_sum
      ${stored("r.key >= 'chapter:' and r.key < 'open:' or r.key >= 'scenario:'")}`,
    `select r.branch_id, sum(r.people) ${stored("r.key >= 'open:' and r.key < 'open:' || :today")}
      group by r.branch_id`,
    `select u.branch_id, count(h.valid_until), count(case when h.valid_until <= :soon then 1 end),
        count(case when h.valid_until is null and h.lapsed = 1 then 1 end)
      ${learners(`join (select c.user_id, max(case when ${HELD} then c.expires_at end) as valid_until,
          (select l.expires_at <= :now and l.revoked_at is null from certificates l
            where l.user_id = c.user_id and l.certification_id = :cert order by l.cycle desc limit 1) as lapsed
        from certificates c where c.certification_id = :cert group by c.user_id) h on h.user_id = u.id`)}
      group by u.branch_id`,
    `select r.branch_id, sum(r.people) ${stored("r.key >= 'cert:' and r.key < 'cert:' || :today")}
      group by r.branch_id`,
    `select u.branch_id, count(*)
      ${learners("join assignments a on a.user_id = u.id and a.item_type = 'certification'")}
        and a.due_date < :today
        and a.user_id in (select c.user_id from certificates c where ${HELD})
        and exists (select 1 from certificates c
          where c.user_id = a.user_id and c.certification_id = a.item_slug and ${HELD})
      group by u.branch_id`,
  ];
  return statements.map((sql) => ({
    sql,
    args: Object.fromEntries(Object.entries(args).filter(([k]) => sql.includes(`:${k}`))),
  }));
}
