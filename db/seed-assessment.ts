// Closed attempts as the app would have stored them, for the demo and large seeds: drawn, shuffled
// and scored by the real assessment core, so reports, item statistics and the review queue read
// the same shapes as after real use. Pure: returns rows, writes nothing.
import { type AttemptItem, buildAttemptItems, type QuestionLookup } from "../lib/assessment/attempt-items";
import { drawQuestions } from "../lib/assessment/draw";
import { afterMistake, afterReview, type ReviewCard } from "../lib/assessment/leitner";
import { type ScoredItem, scoreAttempt } from "../lib/assessment/score";
import { answersByQuestionId } from "../lib/assessment/submission";
import type { CompiledChapter, Question } from "../lib/content/types";
import type { Locale } from "../lib/i18n/locales";
import type { Answers } from "../lib/training/score-check";
import type { NewAssessmentAttempt, NewCheckAttempt } from "./schema";

type Seeded = { id: string; userId: string; branchId: string; locale?: Locale };

/** Picks for an item: its key, or one wrong option when `right` is false (true/false: the other one). */
function picks(item: AttemptItem, question: Question, right: boolean): string[] {
  const key = question.options.filter((o) => o.correct).map((o) => o.id);
  if (right) return key;
  const wrong = item.options.map((o) => o.optionId).filter((id) => !key.includes(id));
  return wrong.length > 0 ? [wrong[0] as string] : key;
}

function lookupOf(chapters: ReadonlyMap<string, CompiledChapter>): QuestionLookup {
  return (slug, questionId) => chapters.get(slug)?.questions.find((q) => q.id === questionId);
}

function closedAttempt(
  s: Seeded,
  {
    kind,
    subject,
    items,
    answers,
    scored,
    revisions,
    passScore,
    startedAt,
    closedAt,
    deadlineAt = null,
    reason = "submitted",
  }: {
    kind: "check" | "exam";
    subject: string;
    items: AttemptItem[];
    answers: Answers;
    scored: ReturnType<typeof scoreAttempt>;
    revisions: Record<string, string>;
    passScore: number;
    startedAt: Date;
    closedAt: Date;
    deadlineAt?: Date | null;
    reason?: "submitted" | "deadline";
  },
): NewAssessmentAttempt {
  return {
    id: s.id,
    userId: s.userId,
    kind,
    subject,
    locale: s.locale ?? "zh-CN",
    revisions,
    seed: s.id,
    items,
    passScore,
    saved: Object.fromEntries(answers),
    savedAt: closedAt,
    startedAt,
    deadlineAt,
    closedAt,
    closeReason: reason,
    closeId: s.id,
    branchId: s.branchId,
    score: scored.score,
    maxScore: scored.maxScore,
    percent: scored.percent,
    passed: scored.passed,
    results: scored.items,
  };
}

/**
 * A closed knowledge-check attempt and its `check_attempts` row: `draw` questions of the chapter's
 * pool (the seed is the id, so seeding again gives the same rows), avoiding `avoid`, each answered
 * right when `right(index)` says so.
 */
export function seedCheckAttempt(
  s: Seeded,
  {
    chapter,
    avoid = [],
    right,
    startedAt,
    closedAt,
  }: {
    chapter: CompiledChapter;
    avoid?: readonly string[];
    right: (index: number) => boolean;
    startedAt: Date;
    closedAt: Date;
  },
): { attempt: NewAssessmentAttempt; check: NewCheckAttempt; wrong: ScoredItem[]; questionIds: string[] } {
  const slug = chapter.meta.slug;
  const byId = new Map(chapter.questions.map((q) => [q.id, q]));
  const drawn = drawQuestions({ pool: chapter.questions, count: chapter.draw, seed: s.id, avoid });
  const items = buildAttemptItems(
    s.id,
    drawn.map((id) => ({ slug, question: byId.get(id) as Question })),
  );
  const answers: Answers = new Map(
    items.map((item, i) => [item.key, picks(item, byId.get(item.questionId) as Question, right(i))]),
  );
  const scored = scoreAttempt(items, answers, lookupOf(new Map([[slug, chapter]])), chapter.meta.passScore);
  const attempt = closedAttempt(s, {
    kind: "check",
    subject: slug,
    items,
    answers,
    scored,
    revisions: { [slug]: chapter.version },
    passScore: chapter.meta.passScore,
    startedAt,
    closedAt,
  });
  return {
    attempt,
    check: {
      id: s.id,
      userId: s.userId,
      moduleSlug: slug,
      contentVersion: chapter.version,
      locale: s.locale ?? "zh-CN",
      answers: Object.fromEntries(answersByQuestionId(items, answers)),
      score: scored.score,
      maxScore: scored.maxScore,
      percent: scored.percent,
      passed: scored.passed,
      createdAt: closedAt,
    },
    wrong: scored.items.filter((i) => !i.correct),
    questionIds: drawn,
  };
}

/** A closed certification exam attempt: each chapter's share of its pool, answered by `right(index)`. */
export function seedExamAttempt(
  s: Seeded,
  {
    certificationId,
    shares,
    chapters,
    passScore,
    timeLimitMinutes,
    right,
    startedAt,
    minutes,
  }: {
    certificationId: string;
    shares: readonly { slug: string; count: number }[];
    chapters: ReadonlyMap<string, CompiledChapter>;
    passScore: number;
    timeLimitMinutes: number;
    right: (index: number) => boolean;
    startedAt: Date;
    /** How long it took; past the time limit it closes at the deadline. */
    minutes: number;
  },
): { attempt: NewAssessmentAttempt; wrong: ScoredItem[] } {
  const drawn = shares.flatMap(({ slug, count }) => {
    const chapter = chapters.get(slug);
    if (!chapter) return [];
    const byId = new Map(chapter.questions.map((q) => [q.id, q]));
    return drawQuestions({ pool: chapter.questions, count, seed: `${s.id}|${slug}` }).map((id) => ({
      slug,
      question: byId.get(id) as Question,
    }));
  });
  const items = buildAttemptItems(s.id, drawn);
  const answers: Answers = new Map(
    items.map((item, i) => [item.key, picks(item, drawn[i]?.question as Question, right(i))]),
  );
  const lookup = lookupOf(chapters);
  const scored = scoreAttempt(items, answers, lookup, passScore);
  const deadlineAt = new Date(startedAt.getTime() + timeLimitMinutes * 60_000);
  const late = minutes >= timeLimitMinutes;
  const attempt = closedAttempt(s, {
    kind: "exam",
    subject: certificationId,
    items,
    answers,
    scored,
    revisions: Object.fromEntries(shares.map(({ slug }) => [slug, chapters.get(slug)?.version ?? ""])),
    passScore,
    startedAt,
    closedAt: late ? deadlineAt : new Date(startedAt.getTime() + minutes * 60_000),
    deadlineAt,
    reason: late ? "deadline" : "submitted",
  });
  return { attempt, wrong: scored.items.filter((i) => !i.correct) };
}

export type SeedCard = {
  userId: string;
  slug: string;
  questionId: string;
  box: number;
  dueAt: Date;
  mistakeAt: Date;
};

/**
 * A learner's review queue from their latest mistakes, and, when they review (`reviews`), their
 * daily reviews up to `now` as the Leitner schedule brings each card back: one review attempt a
 * day of up to 5 due cards, each answered right when `right()` says so.
 */
export function seedReviews({
  userId,
  branchId,
  mistakes,
  chapters,
  reviews,
  right,
  now,
}: {
  userId: string;
  branchId: string;
  mistakes: readonly { slug: string; questionId: string; at: Date }[];
  chapters: ReadonlyMap<string, CompiledChapter>;
  reviews: boolean;
  right: () => boolean;
  now: Date;
}): {
  cards: SeedCard[];
  attempts: NewAssessmentAttempt[];
  answers: {
    id: string;
    attemptId: string;
    userId: string;
    slug: string;
    questionId: string;
    right: boolean;
    box: number;
    mistakeAt: Date;
    answeredAt: Date;
  }[];
} {
  const latest = new Map<string, { slug: string; questionId: string; at: Date }>();
  for (const m of mistakes) {
    const key = `${m.slug}/${m.questionId}`;
    if ((latest.get(key)?.at.getTime() ?? 0) < m.at.getTime()) latest.set(key, m);
  }
  const cards = [...latest.values()].map((m): SeedCard & { card: ReviewCard } => {
    const card = afterMistake(m.at);
    return { userId, slug: m.slug, questionId: m.questionId, ...card, mistakeAt: m.at, card };
  });
  const attempts: NewAssessmentAttempt[] = [];
  const answers: ReturnType<typeof seedReviews>["answers"] = [];
  if (reviews) {
    const DAY = 86_400_000;
    const first = Math.min(...cards.map((c) => c.dueAt.getTime()));
    // One review a day, at 12:30 Beijing time, from the first due day to yesterday.
    for (let t = first + 12.5 * 3_600_000; t < now.getTime() - DAY && cards.length > 0; t += DAY) {
      const at = new Date(t);
      const due = cards
        .filter((c) => c.dueAt.getTime() <= t)
        .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.box - b.box)
        .slice(0, 5);
      if (due.length === 0) continue;
      // Numbered, not dated: seeding again on another day gives the same ids (and adds nothing).
      const id = `${userId}-rv-${attempts.length}`;
      const items = buildAttemptItems(
        id,
        due.map((c) => ({
          slug: c.slug,
          question: chapters.get(c.slug)?.questions.find((q) => q.id === c.questionId) as Question,
        })),
      );
      const saved: Record<string, string[]> = {};
      for (const [i, c] of due.entries()) {
        const item = items[i] as AttemptItem;
        const question = chapters.get(c.slug)?.questions.find((q) => q.id === c.questionId) as Question;
        const ok = right();
        saved[item.key] = picks(item, question, ok);
        answers.push({
          id: `${id}-${i}`,
          attemptId: id,
          userId,
          slug: c.slug,
          questionId: c.questionId,
          right: ok,
          box: c.box,
          mistakeAt: c.mistakeAt,
          answeredAt: at,
        });
        const next = afterReview({ box: c.box, dueAt: c.dueAt }, ok, at);
        if (next) Object.assign(c, next);
        else cards.splice(cards.indexOf(c), 1);
      }
      attempts.push({
        id,
        userId,
        kind: "review",
        subject: "daily",
        locale: "zh-CN",
        revisions: Object.fromEntries(due.map((c) => [c.slug, chapters.get(c.slug)?.version ?? ""])),
        seed: id,
        items,
        saved,
        savedAt: at,
        startedAt: at,
        closedAt: at,
        closeReason: "answered",
        branchId,
      });
    }
  }
  return { cards: cards.map(({ card: _, ...c }) => c), attempts, answers };
}
