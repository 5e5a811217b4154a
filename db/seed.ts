import { and, eq, inArray } from "drizzle-orm";
import { hashPassword } from "../lib/auth/password";
import { childPath } from "../lib/auth/scope";
import { addCalendarDays, bankDate } from "../lib/training/assignment-status";
import { type Db, db as defaultDb } from "./client";
import {
  DEMO_ACCOUNTS,
  DEMO_BRANCHES,
  DEMO_LEARNER,
  DEMO_LEARNER_HIRED_DAYS_AGO,
  DEMO_LEARNERS,
  DEMO_PASSWORD,
} from "./demo-bank";
import { seedDemoResults } from "./demo-results";
import { runMigrations } from "./migrate";
import { assignOnboarding } from "./queries/assignments";
import { loadCatalog } from "./queries/content-catalog";
import { importContent } from "./queries/content-import";
import { questionKeys, rebuildItemStats } from "./queries/item-stats";
import { rebuildReportStats } from "./queries/report-stats";
import { branches, users } from "./schema";

/** The key of every question of the current revisions, for the item statistics' rebuild. */
export async function catalogKeys(db: Db) {
  const catalog = await loadCatalog({ db });
  return questionKeys(
    catalog.chapterSlugs().flatMap((slug) => {
      const entry = catalog.findChapter(slug, "zh-CN");
      return entry?.result.ok ? [{ slug, questions: entry.result.chapter.questions }] : [];
    }),
  );
}

/**
 * Creates the demo bank and gives every demo learner the onboarding path. Safe to run again:
 * existing rows are left as they are (so E1001's hire date is relative to the day it was first seeded).
 */
export async function seedDemo(db: Db = defaultDb, now = new Date()) {
  await importContent({ db });
  const paths = new Map<string, string>();
  for (const b of DEMO_BRANCHES)
    paths.set(b.id, childPath(b.parent ? (paths.get(b.parent) ?? null) : null, b.id));

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const recentHire = addCalendarDays(bankDate(now), -DEMO_LEARNER_HIRED_DAYS_AGO);
  const people = [
    ...DEMO_ACCOUNTS.map((a) => ({
      ...a,
      hireDate: a.employeeNo === DEMO_LEARNER ? recentHire : "2026-01-05",
    })),
    ...DEMO_LEARNERS,
  ];

  await db.batch([
    db
      .insert(branches)
      .values(
        DEMO_BRANCHES.map((b) => ({
          id: b.id,
          code: b.code,
          name: b.name,
          nameEn: b.nameEn,
          parentId: b.parent,
          path: paths.get(b.id) as string,
        })),
      )
      .onConflictDoNothing(),
    db
      .insert(users)
      .values(people.map((p) => ({ ...p, passwordHash })))
      .onConflictDoNothing(),
  ]);

  const learners = await db
    .select({ userId: users.id, hireDate: users.hireDate, createdAt: users.createdAt })
    .from(users)
    .where(
      and(
        eq(users.role, "learner"),
        inArray(
          users.employeeNo,
          people.map((p) => p.employeeNo),
        ),
      ),
    );
  let assignments = 0;
  for (const learner of learners) assignments += await assignOnboarding({ ...learner, db });
  await seedDemoResults(db, now);
  // The reports' summary tables, from every attempt (also for a database from before they existed).
  await rebuildReportStats({ db });
  await rebuildItemStats({ keys: await catalogKeys(db), db });
  return { branches: DEMO_BRANCHES.length, users: people.length, assignments };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runMigrations();
  const counts = await seedDemo();
  console.log(
    `Demo bank ready: ${counts.branches} branches, ${counts.users} people, ${counts.assignments} new assignments.`,
  );
}
