import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Locale } from "../../lib/i18n/locales";
import type { Answers } from "../../lib/training/score-check";
import { type Db, db as defaultDb } from "../client";
import { checkAttempts, readingProgress } from "../schema";
import { majorCutoff } from "../sql/major-cutoff";
import { writeBatch } from "../write";
import { type Closing, closedBy } from "./assessment-attempts";

/** One learner and one chapter. */
type LearnerChapter = { userId: string; moduleSlug: string; db?: Db };

export async function getReadingProgress({ userId, moduleSlug, db = defaultDb }: LearnerChapter) {
  const [row] = await db
    .select()
    .from(readingProgress)
    .where(and(eq(readingProgress.userId, userId), eq(readingProgress.moduleSlug, moduleSlug)));
  return row ?? null;
}

/** Records the furthest section reached; an earlier section never moves progress back. */
export async function saveReadingProgress({
  db = defaultDb,
  alongside = [],
  ...p
}: {
  userId: string;
  moduleSlug: string;
  sectionIndex: number;
  sectionId: string;
  /** Statements for the same atomic batch, after the progress (the xAPI "experienced" of a chapter read to its end). */
  alongside?: BatchItem<"sqlite">[];
  db?: Db;
}) {
  await writeBatch(
    [
      db
        .insert(readingProgress)
        .values(p)
        .onConflictDoUpdate({
          target: [readingProgress.userId, readingProgress.moduleSlug],
          set: { sectionIndex: p.sectionIndex, sectionId: p.sectionId, updatedAt: sql`(unixepoch())` },
          setWhere: sql`excluded.section_index > ${readingProgress.sectionIndex}`,
        }),
      ...alongside,
    ],
    db,
  );
}

/**
 * The statement of a check's close batch that writes its `check_attempts` row (same id as the
 * attempt, answers keyed by question id, the pinned revision as `content_version`), so every
 * report, standing and certification query reads it as before. Only for the close that won.
 */
export function checkAttemptStatement({
  closing: c,
  slug,
  version,
  locale,
  answers,
  db = defaultDb,
}: {
  closing: Closing;
  slug: string;
  version: string;
  locale: Locale;
  answers: Answers;
  db?: Db;
}) {
  return db.run(sql`insert into ${checkAttempts} (id, user_id, module_slug, content_version, locale, answers,
      score, max_score, percent, passed, created_at)
    select ${c.id}, ${c.userId}, ${slug}, ${version}, ${locale}, ${JSON.stringify(Object.fromEntries(answers))}, ${c.scored.score},
      ${c.scored.maxScore}, ${c.scored.percent}, ${c.scored.passed ? 1 : 0}, ${Math.floor(c.closedAt.getTime() / 1000)}
    where ${closedBy(c)}
    on conflict do nothing`);
}

export async function listCheckAttempts({ userId, moduleSlug, db = defaultDb }: LearnerChapter) {
  return db
    .select({
      id: checkAttempts.id,
      percent: checkAttempts.percent,
      passed: checkAttempts.passed,
      createdAt: checkAttempts.createdAt,
    })
    .from(checkAttempts)
    .where(and(eq(checkAttempts.userId, userId), eq(checkAttempts.moduleSlug, moduleSlug)))
    .orderBy(desc(checkAttempts.createdAt), desc(checkAttempts.id))
    .limit(50);
}

export type ChapterStanding = {
  bestPercent: number | null;
  passed: boolean;
  /** Passed only before the chapter's latest major revision: "需重新学习". */
  relearn: boolean;
  started: boolean;
};

/** Per chapter for one learner: best score, whether any attempt passed, whether reading began. */
export async function getChapterStandings({
  userId,
  db = defaultDb,
}: {
  userId: string;
  db?: Db;
}): Promise<Map<string, ChapterStanding>> {
  const [attempts, progress] = await db.batch([
    db
      .select({
        moduleSlug: checkAttempts.moduleSlug,
        best: sql<number>`max(${checkAttempts.percent})`,
        passedEver: sql<number>`max(${checkAttempts.passed})`,
        // Passes from before the chapter's latest major revision no longer count.
        passed: sql<number>`max(case when ${checkAttempts.createdAt} > ${majorCutoff("chapter", checkAttempts.moduleSlug)}
          then ${checkAttempts.passed} else 0 end)`,
      })
      .from(checkAttempts)
      .where(eq(checkAttempts.userId, userId))
      .groupBy(checkAttempts.moduleSlug),
    db
      .select({ moduleSlug: readingProgress.moduleSlug })
      .from(readingProgress)
      .where(eq(readingProgress.userId, userId)),
  ]);
  const standings = new Map<string, ChapterStanding>();
  for (const p of progress)
    standings.set(p.moduleSlug, { bestPercent: null, passed: false, relearn: false, started: true });
  for (const a of attempts) {
    standings.set(a.moduleSlug, {
      bestPercent: a.best,
      passed: a.passed === 1,
      relearn: a.passedEver === 1 && a.passed !== 1,
      started: true,
    });
  }
  return standings;
}

/** The chapter the learner read most recently, with the section reached. */
export async function getLatestReading({ userId, db = defaultDb }: { userId: string; db?: Db }) {
  const [row] = await db
    .select()
    .from(readingProgress)
    .where(eq(readingProgress.userId, userId))
    .orderBy(desc(readingProgress.updatedAt))
    .limit(1);
  return row ?? null;
}
