import "server-only";
import {
  type AttemptItem,
  type PublicItem,
  publicItems,
  type QuestionLookup,
  tokensOf,
} from "../../lib/assessment/attempt-items";
import { remainingSeconds } from "../../lib/assessment/exam-timing";
import { type AttemptReview, type ReviewLevel, reviewAttempt } from "../../lib/assessment/review";
import type { AttemptScore } from "../../lib/assessment/score";
import type { CompiledChapter } from "../../lib/content/types";
import { AppError } from "../../lib/errors";
import type { Locale } from "../../lib/i18n/locales";
import type { Db } from "../client";
import { chapterAtVersion } from "../queries/content-catalog";
import type { AssessmentAttempt } from "../schema";

/** The chapters an attempt was drawn from, at the revisions it is pinned to, in one language. */
export type PinnedContent = { lookup: QuestionLookup; chapter: (slug: string) => CompiledChapter };

/**
 * The pinned revisions of an attempt's chapters (`revisions`: slug → revision id), compiled in
 * `locale` (or the zh-CN source where a chapter has no translation). Question ids, types and keys
 * are the same in every language (content:check and publish hold translations to it), so the
 * score is the same whichever language the questions are shown in.
 */
export async function pinnedContent({
  revisions,
  locale,
  db,
}: {
  revisions: Record<string, string>;
  locale: Locale;
  db?: Db;
}): Promise<PinnedContent> {
  const chapters = new Map<string, CompiledChapter>();
  for (const [slug, version] of Object.entries(revisions)) {
    const entry = await chapterAtVersion({ slug, locale, version, db });
    if (!entry?.result.ok) throw new AppError("unavailable:chapter", `${slug}@${version}`);
    chapters.set(slug, entry.result.chapter);
  }
  const questions = new Map(
    [...chapters].flatMap(([slug, c]) => c.questions.map((q) => [`${slug}/${q.id}`, q] as const)),
  );
  return {
    lookup: (slug, questionId) => questions.get(`${slug}/${questionId}`),
    chapter: (slug) => {
      const c = chapters.get(slug);
      if (!c) throw new AppError("unavailable:chapter", slug);
      return c;
    },
  };
}

/** An open attempt as the browser sees it: the drawn questions by token, what is saved, the time left. */
export type OpenAttemptView = {
  attemptId: string;
  items: PublicItem[];
  saved: Record<string, string[]>;
  startedAt: Date;
  deadlineAt: Date | null;
  remainingSeconds: number | null;
};

export function openView(attempt: AssessmentAttempt, content: PinnedContent, now: Date): OpenAttemptView {
  return {
    attemptId: attempt.id,
    items: publicItems(attempt.items, content.lookup),
    saved: tokensOf(attempt.items, attempt.saved),
    startedAt: attempt.startedAt,
    deadlineAt: attempt.deadlineAt,
    remainingSeconds: attempt.deadlineAt ? remainingSeconds(attempt.deadlineAt, now) : null,
  };
}

type Located = { chapterTitle: string; sectionTitle: string | null };
type WithPlaces<R> = R extends { shows: "wrong"; wrong: (infer W)[] }
  ? Omit<R, "wrong"> & { wrong: (W & Located)[] }
  : R extends { shows: "full"; questions: (infer Q)[] }
    ? Omit<R, "questions"> & { questions: (Q & Located)[] }
    : R;

/** A closed attempt's review, each question with its chapter's and section's titles for the link back. */
export type ShownReview = WithPlaces<AttemptReview>;

/**
 * What a closed attempt may show at `level` (lib/assessment/review.ts decides what is withheld),
 * with the title of each question's chapter and section, so the page can link to `#s-<section>`.
 */
export function showReview(
  level: ReviewLevel,
  items: readonly AttemptItem[],
  scored: AttemptScore,
  content: PinnedContent,
): ShownReview {
  const review = reviewAttempt(level, items, scored, content.lookup);
  const place = (q: { slug: string; section: number | null }): Located => {
    const chapter = content.chapter(q.slug);
    const section = chapter.toc.find((t) => t.id === `s-${q.section}`);
    return { chapterTitle: chapter.meta.title, sectionTitle: section?.title ?? null };
  };
  if (review.shows === "wrong") return { ...review, wrong: review.wrong.map((q) => ({ ...q, ...place(q) })) };
  if (review.shows === "full")
    return { ...review, questions: review.questions.map((q) => ({ ...q, ...place(q) })) };
  return review;
}
