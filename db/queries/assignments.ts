import "server-only";
import { and, eq, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { scopeOf, type Viewer } from "../../lib/auth/scope";
import { certifications } from "../../lib/certification/catalog";
import type { Catalog } from "../../lib/content/catalog";
import { AppError } from "../../lib/errors";
import { DUE_SOON_DAYS } from "../../lib/reminders/plan";
import {
  type AssignmentItemType,
  type AssignmentState,
  addCalendarDays,
  assignmentStatus,
  bankDate,
  compareByUrgency,
  isCalendarDate,
  NO_FACTS,
  type PersonFacts,
} from "../../lib/training/assignment-status";
import { onboardingDueDate, onboardingItems } from "../../lib/training/onboarding";
import { type Db, db as defaultDb } from "../client";
import {
  type Assignment,
  assignments,
  auditLog,
  branches,
  certificates,
  checkAttempts,
  type NewAssignment,
  notifications,
  readingProgress,
  scenarioAttempts,
  users,
} from "../schema";
import { subtreeOf } from "../sql/subtree";
import { writeBatch } from "../write";
import { loadCatalog } from "./content-catalog";

/** A version-4 UUID made by SQLite, for rows an INSERT … SELECT creates. */
const newId = sql.raw(`lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
  substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) ||
  substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`);

/** The "assigned" notification of every assignment the condition selects; one per assignment and due date. */
const notifyAssigned = (db: Db, where: SQL) =>
  db.run(sql`insert into ${notifications} (id, user_id, kind, dedupe_key, payload)
    select ${newId}, a.user_id, 'assigned', 'assigned:' || a.id || ':' || a.due_date,
      json_object('itemType', a.item_type, 'itemSlug', a.item_slug, 'dueDate', a.due_date)
    from ${assignments} a join ${users} u on u.id = a.user_id join ${branches} b on b.id = u.branch_id
    where ${where}
    on conflict (user_id, dedupe_key) do nothing`);

/** The onboarding path of one new learner, as rows (see lib/training/onboarding.ts). */
export function onboardingAssignments({
  userId,
  hireDate,
  createdAt,
}: {
  userId: string;
  hireDate?: string | null;
  createdAt: Date;
}): (NewAssignment & { id: string })[] {
  const dueDate = onboardingDueDate({ hireDate, createdAt });
  return onboardingItems().map(([itemType, itemSlug]) => ({
    id: crypto.randomUUID(),
    userId,
    itemType,
    itemSlug,
    dueDate,
    source: "onboarding" as const,
  }));
}

/**
 * The statements that give people created earlier in the same batch (e.g. by an employee import)
 * the onboarding path and its "assigned" notifications: one INSERT … SELECT whatever the number of
 * people (two parameters a person), due dates from `onboardingDueDate`; items a person already has
 * are left alone.
 */
export function onboardingStatements({
  people,
  createdAt,
  db = defaultDb,
}: {
  people: { userId: string; hireDate?: string | null }[];
  createdAt: Date;
  db?: Db;
}): BatchItem<"sqlite">[] {
  if (people.length === 0) return [];
  const items = onboardingItems().map(([type, slug]) => sql`(${type}, ${slug})`);
  const due = people.map((p) => sql`(${p.userId}, ${onboardingDueDate({ ...p, createdAt })})`);
  return [
    db.run(sql`insert into ${assignments} (id, user_id, item_type, item_slug, due_date, source)
      select ${newId}, u.id, i.column1, i.column2, p.column2, 'onboarding'
      from ${users} u join (values ${sql.join(due, sql`, `)}) p on p.column1 = u.id
        cross join (values ${sql.join(items, sql`, `)}) i
      where true
      on conflict (user_id, item_type, item_slug) do nothing`),
    notifyAssigned(
      db,
      sql`a.source = 'onboarding' and ${inArray(
        sql`a.user_id`,
        people.map((p) => p.userId),
      )}`,
    ),
  ];
}

/**
 * The rows the previous statement of the batch wrote itself, by SQLite's changes(): the report
 * totals' triggers on assignments write rows too, which a server's rowsAffected may count.
 */
const statementChanges = sql`select changes() as n`;

/** Assigns the onboarding path; items the person already has are left alone. Returns how many were new. */
export async function assignOnboarding({
  db = defaultDb,
  ...person
}: {
  userId: string;
  hireDate?: string | null;
  createdAt: Date;
  db?: Db;
}): Promise<number> {
  const rows = onboardingAssignments(person);
  const ids = rows.map((r) => r.id);
  const [, inserted] = await writeBatch(
    [
      db.insert(assignments).values(rows).onConflictDoNothing(),
      db.get<{ n: number }>(statementChanges),
      notifyAssigned(db, inArray(sql`a.id`, ids)),
    ],
    db,
  );
  return Number(inserted?.n ?? 0);
}

export type AssignmentActor = Viewer;
/**
 * One learner, every active learner of a branch subtree, or some of them (`userIds`, all inside
 * `branchId`'s subtree: a report's selection, assigned all or nothing).
 */
export type AssignmentTarget = { userId: string } | { branchId: string; userIds?: string[] };

function isAssignable(catalog: Catalog, itemType: AssignmentItemType, itemSlug: string): boolean {
  if (itemType === "chapter") return catalog.chapterSlugs().includes(itemSlug);
  if (itemType === "scenario") return catalog.scenarioSlugs().includes(itemSlug);
  return certifications().some((c) => c.id === itemSlug);
}

/**
 * Assigns an item with a due date to one learner or to every active learner of a branch subtree.
 * The scope is checked in the SQL itself: the target must lie inside the actor's branch subtree
 * (anywhere for an admin), or nothing is written; a branch or person that does not exist gets the
 * same answer as one outside the scope. Someone who already has the item gets the new
 * due date. The assignments, their "assigned" notifications and the audit entry are one batch.
 * Returns how many people were assigned.
 */
export async function assignTraining({
  actor,
  itemType,
  itemSlug,
  dueDate,
  target,
  now = new Date(),
  db = defaultDb,
}: {
  actor: AssignmentActor;
  itemType: AssignmentItemType;
  itemSlug: string;
  dueDate: string;
  target: AssignmentTarget;
  now?: Date;
  db?: Db;
}): Promise<number> {
  const scope = scopeOf(actor);
  if (!scope) throw new AppError("forbidden:assignment");
  if (!isAssignable(await loadCatalog({ db }), itemType, itemSlug)) {
    throw new AppError("not_found:assignment_item");
  }
  if (!isCalendarDate(dueDate) || dueDate < bankDate(now)) {
    throw new AppError("bad_request:due_date");
  }

  const byBranch = "branchId" in target;
  // `t` is the target branch: the one named, or the person's own.
  const targetBranch = byBranch
    ? sql`(select id, path from ${branches} where id = ${target.branchId})`
    : sql`(select b2.id, b2.path from ${users} u2 join ${branches} b2 on b2.id = u2.branch_id
          where u2.id = ${target.userId})`;
  const picked = byBranch ? target.userIds : undefined;
  if (picked && (picked.length === 0 || new Set(picked).size !== picked.length)) {
    throw new AppError("bad_request:assignee", "An empty or repeated selection / 未选择人员或有重复");
  }
  const who = byBranch ? subtreeOf(sql`t.path`, sql`b.path`) : sql`u.id = ${target.userId}`;
  const eligible = sql`${users} u join ${branches} b on b.id = u.branch_id join ${targetBranch} t
    where ${subtreeOf(scope, sql`t.path`)} and ${who} and u.active = 1 and u.role = 'learner'`;
  // A selection is written only when every person in it is eligible: one outside the branch, the
  // scope or the active learners leaves the whole batch without rows.
  const learners = picked
    ? sql`from ${eligible} and ${inArray(sql`u.id`, picked)}
        and (select count(*) from ${eligible} and ${inArray(sql`u.id`, picked)}) = ${picked.length}`
    : sql`from ${eligible}`;

  const [[found], , upsert] = await writeBatch(
    [
      byBranch
        ? db
            .select({ inScope: sql<number>`${subtreeOf(scope)}` })
            .from(branches)
            .where(eq(branches.id, target.branchId))
        : db
            .select({
              inScope: sql<number>`${subtreeOf(scope)}`,
              learner: sql<number>`${users.active} = 1 and ${users.role} = 'learner'`,
            })
            .from(users)
            .innerJoin(branches, eq(branches.id, users.branchId))
            .where(eq(users.id, target.userId)),
      db.run(sql`insert into ${assignments}
          (id, user_id, item_type, item_slug, due_date, source, assigned_by)
        select ${newId}, u.id, ${itemType}, ${itemSlug}, ${dueDate}, 'manager', ${actor.id} ${learners}
        on conflict (user_id, item_type, item_slug) do update
          set due_date = excluded.due_date, assigned_by = excluded.assigned_by, source = 'manager'`),
      db.get<{ n: number }>(statementChanges),
      db.run(sql`insert into ${auditLog} (id, actor_id, action, target_type, target_id, after)
        select ${crypto.randomUUID()}, ${actor.id}, 'assignment.create', ${byBranch ? "branch" : "user"},
          ${byBranch ? target.branchId : target.userId},
          json_object('itemType', ${itemType}, 'itemSlug', ${itemSlug}, 'dueDate', ${dueDate},
            'count', (select count(*) ${learners})${picked ? sql`, 'selected', json(${JSON.stringify(picked)})` : sql``})
        where exists (select 1 ${learners})`),
      notifyAssigned(
        db,
        sql`a.item_type = ${itemType} and a.item_slug = ${itemSlug} and a.due_date = ${dueDate}
          and a.user_id in (select u.id ${learners})`,
      ),
    ],
    db,
  );
  // Unknown and outside the actor's scope answer alike, so nobody learns what exists elsewhere.
  if (!found?.inScope) throw new AppError("forbidden:assignment");
  if (picked && Number(upsert?.n ?? 0) === 0) throw new AppError("forbidden:assignment");
  if ("learner" in found && !found.learner) {
    throw new AppError(
      "bad_request:assignee",
      "Only active learners can be assigned training / 只能给在职学员分配培训",
    );
  }
  return Number(upsert?.n ?? 0);
}

/** Everything the status rules need about the people a condition on `user_id` selects, in one round trip. */
async function loadFacts(db: Db, who: (userId: SQLiteColumn) => SQL): Promise<Map<string, PersonFacts>> {
  const [checks, reading, plays, held] = await db.batch([
    db
      .select({
        userId: checkAttempts.userId,
        slug: checkAttempts.moduleSlug,
        passedAt:
          sql<Date | null>`min(case when ${checkAttempts.passed} = 1 then ${checkAttempts.createdAt} end)`.mapWith(
            checkAttempts.createdAt,
          ),
      })
      .from(checkAttempts)
      .where(who(checkAttempts.userId))
      .groupBy(checkAttempts.userId, checkAttempts.moduleSlug),
    db
      .select({ userId: readingProgress.userId, slug: readingProgress.moduleSlug })
      .from(readingProgress)
      .where(who(readingProgress.userId)),
    db
      .select({
        userId: scenarioAttempts.userId,
        slug: scenarioAttempts.scenarioSlug,
        passedAt: sql<Date | null>`min(case when ${scenarioAttempts.status} = 'completed'
          and ${scenarioAttempts.passed} = 1 then ${scenarioAttempts.completedAt} end)`.mapWith(
          scenarioAttempts.completedAt,
        ),
      })
      .from(scenarioAttempts)
      .where(who(scenarioAttempts.userId))
      .groupBy(scenarioAttempts.userId, scenarioAttempts.scenarioSlug),
    db
      .select({
        userId: certificates.userId,
        certificationId: certificates.certificationId,
        issuedAt: certificates.issuedAt,
        expiresAt: certificates.expiresAt,
        revokedAt: certificates.revokedAt,
      })
      .from(certificates)
      .where(who(certificates.userId)),
  ]);
  const facts = new Map<string, PersonFacts>();
  const of = (userId: string) => {
    const known = facts.get(userId);
    if (known) return known;
    const f: PersonFacts = { chapters: {}, scenarios: {}, certificates: [] };
    facts.set(userId, f);
    return f;
  };
  for (const r of reading) of(r.userId).chapters[r.slug] ??= { passedAt: null };
  for (const c of checks) of(c.userId).chapters[c.slug] = { passedAt: c.passedAt };
  for (const p of plays) of(p.userId).scenarios[p.slug] = { passedAt: p.passedAt };
  for (const { userId, ...c } of held) of(userId).certificates.push(c);
  return facts;
}

export type AssignmentWithStatus = Assignment & AssignmentState;

function itemRank(catalog: Catalog, a: Assignment): number {
  const order =
    a.itemType === "chapter"
      ? catalog.chapterSlugs()
      : a.itemType === "scenario"
        ? catalog.scenarioSlugs()
        : [];
  const type = { chapter: 0, scenario: 100, certification: 200 }[a.itemType];
  const index = order.indexOf(a.itemSlug);
  return type + (index === -1 ? 99 : index);
}

/** Someone's assignments with their derived status: overdue first, then by due date and reading order. */
export async function listAssignmentsForUser({
  userId,
  now = new Date(),
  db = defaultDb,
}: {
  userId: string;
  now?: Date;
  db?: Db;
}): Promise<AssignmentWithStatus[]> {
  const [rows, facts, catalog] = await Promise.all([
    db.select().from(assignments).where(eq(assignments.userId, userId)),
    loadFacts(db, (column) => eq(column, userId)),
    loadCatalog({ db }),
  ]);
  const person = facts.get(userId) ?? NO_FACTS;
  return rows
    .map((a) => ({ ...a, ...assignmentStatus(a, person, now), rank: itemRank(catalog, a) }))
    .sort(compareByUrgency)
    .map(({ rank: _, ...a }) => a);
}

/**
 * The candidates for reminders, for the whole bank: unfinished assignments of active people that
 * are due within DUE_SOON_DAYS or overdue, with their status, leaving out those whose reminder for
 * that state ("due-soon:…" or "overdue:…", keyed as in lib/reminders/plan.ts) is already stored.
 * A fixed number of set-based reads however many people there are; a repeated run reads little.
 */
export async function listAssignmentsToRemind({
  now = new Date(),
  db = defaultDb,
}: {
  now?: Date;
  db?: Db;
}): Promise<(Pick<Assignment, "id" | "userId" | "itemType" | "itemSlug" | "dueDate"> & AssignmentState)[]> {
  const today = bankDate(now);
  const open = and(
    lte(assignments.dueDate, addCalendarDays(today, DUE_SOON_DAYS)),
    eq(users.active, true),
    sql`not (${assignments.itemType} = 'chapter' and exists (select 1 from ${checkAttempts} c
      where c.user_id = ${assignments.userId} and c.module_slug = ${assignments.itemSlug} and c.passed = 1))`,
    sql`not (${assignments.itemType} = 'scenario' and exists (select 1 from ${scenarioAttempts} s
      where s.user_id = ${assignments.userId} and s.scenario_slug = ${assignments.itemSlug}
        and s.status = 'completed' and s.passed = 1))`,
    sql`not exists (select 1 from ${notifications} n where n.user_id = ${assignments.userId}
      and n.dedupe_key = (case when ${assignments.dueDate} < ${today} then 'overdue:' else 'due-soon:' end)
        || ${assignments.id} || ':' || ${assignments.dueDate})`,
  );
  const people = db
    .selectDistinct({ userId: assignments.userId })
    .from(assignments)
    .innerJoin(users, eq(users.id, assignments.userId))
    .where(open);
  const [rows, facts] = await Promise.all([
    db
      .select({
        id: assignments.id,
        userId: assignments.userId,
        itemType: assignments.itemType,
        itemSlug: assignments.itemSlug,
        dueDate: assignments.dueDate,
      })
      .from(assignments)
      .innerJoin(users, eq(users.id, assignments.userId))
      .where(open),
    loadFacts(db, (column) => inArray(column, people)),
  ]);
  return rows
    .map((a) => ({ ...a, ...assignmentStatus(a, facts.get(a.userId) ?? NO_FACTS, now) }))
    .filter((a) => a.status !== "completed");
}
