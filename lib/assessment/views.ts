import type { ExamEligibility } from "@/lib/certification/exam-eligibility";
import type { ChapterMeta, CompiledChapter } from "@/lib/content/types";
import type { AttemptItem, PublicItem, QuestionLookup } from "./attempt-items";
import { publicItems, tokensOf } from "./attempt-items";
import { remainingSeconds } from "./exam-timing";
import type { Availability } from "./policy";
import { type AttemptReview, type ReviewLevel, reviewAttempt } from "./review";
import type { AttemptScore } from "./score";

/** What the browser receives of a value sent as JSON: dates become ISO strings. */
export type Wire<T> = T extends Date
  ? string
  : T extends (infer E)[]
    ? Wire<E>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** The chapters an attempt was drawn from, at the revisions it is pinned to, in one language. */
export type PinnedContent = { lookup: QuestionLookup; chapter: (slug: string) => CompiledChapter };

/** What views need of a stored attempt. */
type StoredAttempt = {
  id: string;
  items: AttemptItem[];
  saved: Record<string, string[]>;
  startedAt: Date;
  deadlineAt: Date | null;
};

/** An open attempt as the browser sees it: the drawn questions by token, what is saved, the time left. */
export type OpenAttemptView = {
  attemptId: string;
  items: PublicItem[];
  saved: Record<string, string[]>;
  startedAt: Date;
  deadlineAt: Date | null;
  remainingSeconds: number | null;
};

export function openView(attempt: StoredAttempt, content: PinnedContent, now: Date): OpenAttemptView {
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

/** The check's rules in the current revision, as the page states them. */
export type CheckPolicy = Pick<ChapterMeta, "passScore" | "attemptsPerDay" | "cooldownMinutes" | "review"> & {
  draw: number;
};

/** A closed attempt's result as the learner may see it. */
export type CheckResultView = {
  attemptId: string;
  closedAt: Date;
  passScore: number;
  review: ShownReview;
};

export type CheckState = {
  policy: CheckPolicy;
  /** Whether a new attempt may start (when one is open, it is resumed instead). */
  availability: Availability;
  open: OpenAttemptView | null;
  /** The latest closed attempt. */
  last: CheckResultView | null;
};

export type CheckSubmitted = CheckResultView & {
  /** Present when this submission completed a certification. */
  certificate: { code: string } | null;
  /** Whether, and when, the next attempt may start. */
  availability: Availability;
};

/** The exam's rules as its page states them (the time limit as it applies now). */
export type ExamRules = {
  questions: number;
  timeLimitMinutes: number;
  passScore: number;
  retakeAfterHours: number;
};

/** A closed exam attempt as the learner sees it: score, per-chapter breakdown, which were wrong. */
export type ExamResultView = {
  attemptId: string;
  closedAt: Date;
  reason: "submitted" | "deadline" | "answered" | null;
  passScore: number;
  review: ShownReview;
  /** The certificate this pass earned, if it did. */
  certificate: { code: string } | null;
};

export type ExamState = {
  certificationId: string;
  rules: ExamRules;
  /** The exam's chapters in order, with their titles in the reader's language. */
  chapters: { slug: string; title: string }[];
  /** Whether a new attempt may start (null while one is open). */
  eligibility: ExamEligibility | null;
  open: OpenAttemptView | null;
  last: ExamResultView | null;
};

/** The exam as the learner home's certification panel shows it. */
export type ExamStep =
  | { state: "open"; remainingSeconds: number }
  /** The deadline passed; the exam page closes it with what was saved. */
  | { state: "time-up" }
  | { state: "may"; kind: "initial" | "renewal" }
  | { state: "requirements" }
  | { state: "retake-wait"; opensAt: Date }
  | { state: "certified" }
  | { state: "revoked" };

/** One answered question of a daily review: everything (the key and the feedback), and what comes next. */
export type ReviewFeedback = {
  question: Extract<ShownReview, { shows: "full" }>["questions"][number];
  /** When the question comes back; null when it has left the queue (right in the last box). */
  nextDueAt: Date | null;
};

export type DailyReviewState = {
  /** Cards due now, and how many wait for a later day (the next from `nextDueAt`). */
  due: number;
  waiting: number;
  nextDueAt: Date | null;
  /** Whether today's review (Beijing day) has been taken. */
  doneToday: boolean;
  open: {
    attemptId: string;
    items: PublicItem[];
    answered: Record<string, ReviewFeedback>;
  } | null;
  /** Today's finished review: right answers out of its questions. */
  finished: { right: number; total: number } | null;
};
