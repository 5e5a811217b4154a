import type { Db } from "@/db/client";
import { findAttempt } from "@/db/queries/assessment-attempts";
import { refreshChapterStats } from "@/db/queries/report-stats";
import { assessmentAttempts, checkAttempts, type NewCheckAttempt } from "@/db/schema";
import { startCheck } from "@/db/use-cases/check-attempt";
import { submitCheck } from "@/db/use-cases/submit-check";
import { writeBatch } from "@/db/write";
import { fileCatalog } from "@/lib/content/catalog";

/**
 * Takes a chapter's knowledge check through the real use cases, as the page does: start (the
 * server draws) and submit, every drawn question right except the first `wrong`. The attempt
 * limits apply, so a test that takes many checks of one chapter moves `now` along.
 */
export async function takeCheck({
  userId,
  slug,
  now,
  wrong = 0,
  db,
}: {
  userId: string;
  slug: string;
  now: Date;
  wrong?: number;
  db: Db;
}) {
  const user = { id: userId };
  const state = await startCheck({ user, slug, locale: "zh-CN", now, db });
  const attempt = state.open ? await findAttempt({ id: state.open.attemptId, db }) : null;
  const entry = fileCatalog().findChapter(slug, "zh-CN");
  if (!attempt || !entry?.result.ok) throw new Error(`no attempt of ${slug} for ${userId}`);
  const key = new Map(entry.result.chapter.questions.map((q) => [q.id, q.options.filter((o) => o.correct)]));
  const answers = Object.fromEntries(
    attempt.items.map((item, i) => {
      const right = new Set(key.get(item.questionId)?.map((o) => o.id));
      const pick =
        i < wrong
          ? item.options.filter((o) => !right.has(o.optionId)).slice(0, 1)
          : item.options.filter((o) => right.has(o.optionId));
      return [item.key, pick.map((o) => o.token)];
    }),
  );
  return submitCheck({ user, slug, attemptId: attempt.id, answers, locale: "zh-CN", now, db });
}

/**
 * A passed certification exam, closed at `at`, stored as its close would leave it (without the
 * close batch: it issues nothing itself), so a test can then meet the last other requirement.
 */
export async function arrangePassedExam({
  userId,
  certificationId,
  at,
  db,
}: {
  userId: string;
  certificationId: string;
  at: Date;
  db: Db;
}) {
  await db.insert(assessmentAttempts).values({
    userId,
    kind: "exam",
    subject: certificationId,
    locale: "zh-CN",
    revisions: {},
    seed: crypto.randomUUID(),
    items: [],
    passScore: 80,
    saved: {},
    startedAt: new Date(at.getTime() - 20 * 60_000),
    deadlineAt: new Date(at.getTime() + 10 * 60_000),
    closedAt: at,
    closeReason: "submitted",
    closeId: crypto.randomUUID(),
    score: 30,
    maxScore: 30,
    percent: 100,
    passed: true,
    results: [],
  });
}

/**
 * A `check_attempts` row with the learner's report summary, written together as a check's close
 * batch writes them (db/use-cases/submit-check.ts), for tests of the report totals that need no
 * drawn attempt.
 */
export async function storeCheckAttempt({ attempt, db }: { attempt: NewCheckAttempt; db: Db }) {
  await writeBatch(
    [
      db.insert(checkAttempts).values(attempt),
      ...refreshChapterStats({ userId: attempt.userId, slug: attempt.moduleSlug, db }),
    ],
    db,
  );
}
