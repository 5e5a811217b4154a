import "server-only";
import { subMinutes } from "date-fns";
import { sql } from "drizzle-orm";
import { buildAttemptItems } from "../../lib/assessment/attempt-items";
import { startOfBankDay } from "../../lib/assessment/bank-day";
import { drawQuestions } from "../../lib/assessment/draw";
import { type Availability, attemptAvailability } from "../../lib/assessment/policy";
import { newSeed } from "../../lib/assessment/random";
import { reviewLevel } from "../../lib/assessment/review";
import { scoreAttempt } from "../../lib/assessment/score";
import {
  type CheckResultView,
  type CheckState,
  openView,
  type PinnedContent,
  showReview,
} from "../../lib/assessment/views";
import type { Catalog } from "../../lib/content/catalog";
import type { CompiledChapter } from "../../lib/content/types";
import { AppError } from "../../lib/errors";
import type { Locale } from "../../lib/i18n/locales";
import { answersFrom } from "../../lib/training/score-check";
import { type Db, db as defaultDb } from "../client";
import {
  attemptsStartedSince,
  findOpenAttempt,
  latestAttempt,
  openAttempt,
  recentCheckAttempts,
} from "../queries/assessment-attempts";
import { loadCatalog } from "../queries/content-catalog";
import type { AssessmentAttempt } from "../schema";
import { pinnedContent } from "./attempt-content";

type Who = { user: { id: string }; slug: string; locale: Locale; now?: Date; db?: Db };

/**
 * The chapter in its current revision, or the 404 / 503 a learner gets for it; with the catalog it
 * came from, for the rest of the request (`catalog`: one read already in this request).
 */
export async function currentChapter({
  slug,
  locale,
  db,
  catalog: known,
}: {
  slug: string;
  locale: Locale;
  db: Db;
  catalog?: Catalog;
}) {
  const catalog = known ?? (await loadCatalog({ db }));
  const entry = catalog.findChapter(slug, locale);
  if (!entry) throw new AppError("not_found:chapter");
  if (!entry.result.ok) throw new AppError("unavailable:chapter");
  return { chapter: entry.result.chapter, locale: entry.locale, catalog };
}

type Learner = { userId: string; chapter: CompiledChapter; now: Date; db: Db };

/** The learner's attempts of a chapter's check that the policy counts now (today's, and the last failure's wait). */
function countedAttempts({ userId, chapter, now, db }: Learner) {
  const { meta } = chapter;
  const since = new Date(
    Math.min(startOfBankDay(now).getTime(), subMinutes(now, meta.cooldownMinutes).getTime()),
  );
  return recentCheckAttempts({ userId, slug: meta.slug, since, db });
}

/** Whether the learner may start a new attempt of a chapter's check now. */
export async function checkAvailability(learner: Learner) {
  return attemptAvailability(learner.chapter.meta, await countedAttempts(learner), learner.now);
}

/**
 * A closed check attempt's result at the level its chapter's review mode grants, in `locale`.
 * `known`: what the caller has already for this attempt, so nothing is read or scored twice: the
 * catalog, the pinned content in `locale`, the score of its stored answers.
 */
export async function checkResultView(
  attempt: AssessmentAttempt,
  locale: Locale,
  db: Db,
  known: { catalog?: Catalog; content?: PinnedContent; scored?: ReturnType<typeof scoreAttempt> } = {},
): Promise<CheckResultView> {
  const content =
    known.content ??
    (await pinnedContent({ revisions: attempt.revisions, locale, db, catalog: known.catalog }));
  const passScore = attempt.passScore ?? 0;
  const scored =
    known.scored ?? scoreAttempt(attempt.items, answersFrom(attempt.saved), content.lookup, passScore);
  const meta = content.chapter(attempt.subject).meta;
  return {
    attemptId: attempt.id,
    closedAt: attempt.closedAt ?? new Date(0),
    passScore,
    review: showReview(reviewLevel(meta.review, scored.passed), attempt.items, scored, content),
  };
}

/** What a caller of checkState has read already in this request (or knows from its own write). */
type KnownState = {
  catalog?: Catalog;
  open?: AssessmentAttempt | null;
  last?: AssessmentAttempt | null;
  availability?: Availability;
};

/** Everything the check at the end of a chapter page shows for the learner. Reads only. */
export async function checkState({
  user,
  slug,
  locale,
  now = new Date(),
  db = defaultDb,
  known = {},
}: Who & { known?: KnownState }): Promise<CheckState> {
  const { chapter, catalog } = await currentChapter({ slug, locale, db, catalog: known.catalog });
  const subject = { userId: user.id, kind: "check" as const, subject: slug, db };
  const [open, last, availability] = await Promise.all([
    known.open !== undefined ? known.open : findOpenAttempt(subject),
    known.last !== undefined ? known.last : latestAttempt({ ...subject, closed: true }),
    known.availability ?? checkAvailability({ userId: user.id, chapter, now, db }),
  ]);
  const { meta, draw } = chapter;
  return {
    policy: {
      draw,
      passScore: meta.passScore,
      attemptsPerDay: meta.attemptsPerDay,
      cooldownMinutes: meta.cooldownMinutes,
      review: meta.review,
    },
    availability,
    open: open
      ? openView(open, await pinnedContent({ revisions: open.revisions, locale, db, catalog }), now)
      : null,
    last: last ? await checkResultView(last, locale, db, { catalog }) : null,
  };
}

/**
 * Starts an attempt of a chapter's check, or resumes the open one (a reload never draws anew).
 * A new attempt needs the policy's leave (attempts per Beijing day, the wait after a failure),
 * draws `draw` questions of the current revision's pool, avoiding the previous attempt's where the
 * pool allows, shuffles their options under fresh tokens, and is pinned to that revision.
 */
export async function startCheck({
  user,
  slug,
  locale,
  now = new Date(),
  db = defaultDb,
}: Who): Promise<CheckState> {
  const { chapter, locale: used, catalog } = await currentChapter({ slug, locale, db });
  const resumed = await findOpenAttempt({ userId: user.id, kind: "check", subject: slug, db });
  if (resumed) return checkState({ user, slug, locale, now, db, known: { catalog, open: resumed } });

  const counted = await countedAttempts({ userId: user.id, chapter, now, db });
  const availability = attemptAvailability(chapter.meta, counted, now);
  if (!availability.canStart)
    throw new AppError("conflict:attempt_policy", availability.reason, { availability });
  const previous = await latestAttempt({ userId: user.id, kind: "check", subject: slug, db });
  const seed = newSeed();
  const byId = new Map(chapter.questions.map((q) => [q.id, q]));
  const drawn = drawQuestions({
    pool: chapter.questions,
    count: chapter.draw,
    seed,
    avoid: previous?.items.map((i) => i.questionId),
  });
  const subject = { userId: user.id, kind: "check" as const, subject: slug };
  const opened = await openAttempt({
    attempt: {
      ...subject,
      id: crypto.randomUUID(),
      locale: used,
      revisions: { [slug]: chapter.version },
      seed,
      items: buildAttemptItems(
        seed,
        drawn.flatMap((id) => {
          const question = byId.get(id);
          return question ? [{ slug, question }] : [];
        }),
      ),
      passScore: chapter.meta.passScore,
      startedAt: now,
      deadlineAt: null,
    },
    // Two starts at once may both have passed the policy: the count is checked again as it writes.
    guard: sql`${attemptsStartedSince(subject, startOfBankDay(now))} < ${chapter.meta.attemptsPerDay}`,
    db,
  });
  if (!opened) throw new AppError("conflict:attempt_policy", "daily-limit", { availability });
  // What reading again would find: the open attempt among the counted ones, and the one before it
  // as the last result (unless a concurrent start got in between; then it is read).
  return checkState({
    user,
    slug,
    locale,
    now,
    db,
    known: {
      catalog,
      open: opened,
      last: !previous || previous.closedAt ? previous : undefined,
      availability: attemptAvailability(chapter.meta, [...counted, opened], now),
    },
  });
}
