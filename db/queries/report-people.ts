import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { Role } from "../../lib/auth/roles";
import type { PeopleFilter } from "../../lib/reports/people-filter";
import { type Db, db as defaultDb } from "../client";
import { escapeLike, subtreeOf } from "../sql/subtree";
import { overviewParams } from "./reports";
import { tuples } from "./rows";

export type PersonRow = {
  id: string;
  employeeNo: string;
  name: string;
  role: Role;
  branchId: string;
  branchName: string;
  branchNameEn: string;
  hireDate: string;
  chaptersPassed: number;
  scenariosPassed: number;
  /** Expiry (ms) of the certificate held now, if any. */
  certifiedUntil: number | null;
  /** Certified, inside the renewal window. */
  expiring: boolean;
  /** Not certified, and the latest certificate ran out (not revoked). */
  expired: boolean;
  overdue: number;
};

/** The SQL pieces of a filtered people list within a scope; conditions are all in the query. */
function parts(scope: string, f: Omit<PeopleFilter, "page">, now: Date) {
  const p = overviewParams(scope, now);
  const held = sql`c.issued_at <= ${p.now} and c.expires_at > ${p.now}
    and (c.revoked_at is null or c.revoked_at > ${p.now})`;
  const certifiedUntil = sql`(select max(c.expires_at) from certificates c
    where c.user_id = u.id and c.certification_id = ${p.certificationId} and ${held})`;
  const overdue = sql`(select count(*) from assignments a where a.user_id = u.id and a.due_date < ${p.today}
    and not (case when a.item_type = 'certification'
      then exists (select 1 from certificates c where c.user_id = a.user_id and c.certification_id = a.item_slug and ${held})
      else exists (select 1 from learner_item_stats s where s.user_id = a.user_id and s.item_type = a.item_type
        and s.item_slug = a.item_slug and s.passed = 1) end))`;
  const where: SQL[] = [subtreeOf(scope, sql`b.path`), sql`u.active = 1`];
  if (f.branch) {
    where.push(sql`exists (select 1 from branches f where f.id = ${f.branch}
      and ${subtreeOf(scope, sql`f.path`)} and ${subtreeOf(sql`f.path`, sql`b.path`)})`);
  }
  if (f.role) where.push(sql`u.role = ${f.role}`);
  if (f.hiredFrom) where.push(sql`u.hire_date >= ${f.hiredFrom}`);
  if (f.hiredTo) where.push(sql`u.hire_date <= ${f.hiredTo}`);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    where.push(sql`(u.name like ${like} escape '\\' or u.employee_no like ${like} escape '\\')`);
  }
  if (f.status === "certified") where.push(sql`${certifiedUntil} is not null`);
  if (f.status === "not-certified") where.push(sql`${certifiedUntil} is null`);
  if (f.status === "expiring") where.push(sql`${certifiedUntil} <= ${p.expiringBefore}`);
  if (f.status === "overdue") where.push(sql`${overdue} > 0`);
  const from = sql`from users u join branches b on b.id = u.branch_id where ${sql.join(where, sql` and `)}`;
  const columns = sql`u.id, u.employee_no, u.name, u.role, u.branch_id, b.name, b.name_en, u.hire_date,
    (select count(*) from learner_item_stats s where s.user_id = u.id and s.item_type = 'chapter' and s.passed = 1),
    (select count(*) from learner_item_stats s where s.user_id = u.id and s.item_type = 'scenario' and s.passed = 1),
    ${certifiedUntil},
    (select l.expires_at <= ${p.now} and l.revoked_at is null from certificates l
      where l.user_id = u.id and l.certification_id = ${p.certificationId} order by l.cycle desc limit 1),
    ${overdue}`;
  return { from, columns, expiringBefore: p.expiringBefore };
}

function toRow(r: unknown[], expiringBefore: number): PersonRow {
  const certifiedUntil = r[10] === null ? null : Number(r[10]);
  return {
    id: String(r[0]),
    employeeNo: String(r[1]),
    name: String(r[2]),
    role: r[3] as Role,
    branchId: String(r[4]),
    branchName: String(r[5]),
    branchNameEn: String(r[6]),
    hireDate: String(r[7]),
    chaptersPassed: Number(r[8]),
    scenariosPassed: Number(r[9]),
    certifiedUntil,
    expiring: certifiedUntil !== null && certifiedUntil <= expiringBefore,
    expired: certifiedUntil === null && Number(r[11]) === 1,
    overdue: Number(r[12]),
  };
}

/** One page of the filtered people list within the scope, by employee number, and the total. */
export async function listPeople({
  scope,
  filter,
  pageSize = 50,
  now = new Date(),
  db = defaultDb,
}: {
  scope: string;
  filter: PeopleFilter;
  pageSize?: number;
  now?: Date;
  db?: Db;
}): Promise<{ total: number; rows: PersonRow[] }> {
  const q = parts(scope, filter, now);
  const offset = (filter.page - 1) * pageSize;
  const [count, rows] = await db.batch([
    db.values<[number]>(sql`select count(*) ${q.from}`),
    db.values<unknown[]>(
      sql`select ${q.columns} ${q.from} order by u.employee_no limit ${pageSize} offset ${offset}`,
    ),
  ]);
  return {
    total: Number(tuples(count)[0]?.[0] ?? 0),
    rows: tuples(rows).map((r) => toRow(r, q.expiringBefore)),
  };
}

/** Every person the filter selects, in chunks by employee number, for exports that stream. */
export async function* streamPeople({
  scope,
  filter,
  chunk = 1000,
  now = new Date(),
  db = defaultDb,
}: {
  scope: string;
  filter: Omit<PeopleFilter, "page">;
  chunk?: number;
  now?: Date;
  db?: Db;
}): AsyncGenerator<PersonRow[]> {
  const q = parts(scope, filter, now);
  let after = "";
  for (;;) {
    const rows = tuples(
      await db.values<unknown[]>(
        sql`select ${q.columns} ${q.from} and u.employee_no > ${after} order by u.employee_no limit ${chunk}`,
      ),
    );
    if (rows.length === 0) return;
    yield rows.map((r) => toRow(r, q.expiringBefore));
    after = String(rows.at(-1)?.[1]);
    if (rows.length < chunk) return;
  }
}
