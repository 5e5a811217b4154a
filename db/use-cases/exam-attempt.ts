import "server-only";
import { subHours } from "date-fns";
import { sql } from "drizzle-orm";
import { buildAttemptItems } from "../../lib/assessment/attempt-items";
import { drawExam } from "../../lib/assessment/draw";
import { examDeadline } from "../../lib/assessment/exam-timing";
import { newSeed } from "../../lib/assessment/random";
import { scoreAttempt } from "../../lib/assessment/score";
import {
  type ExamResultView,
  type ExamRules,
  type ExamState,
  openView,
  showReview,
} from "../../lib/assessment/views";
import { findCertification } from "../../lib/certification/catalog";
import { type Certification, examShares } from "../../lib/certification/definition";
import { examEligibility } from "../../lib/certification/exam-eligibility";
import { env } from "../../lib/env";
import { AppError } from "../../lib/errors";
import type { Locale } from "../../lib/i18n/locales";
import { itemTitle } from "../../lib/training/item-title";
import { answersFrom } from "../../lib/training/score-check";
import { type Db, db as defaultDb } from "../client";
import {
  attemptsStartedSince,
  findOpenAttempt,
  latestAttempt,
  openAttempt,
} from "../queries/assessment-attempts";
import { certificateIssuedSince, loadCertificationFacts } from "../queries/certificates";
import { loadCatalog } from "../queries/content-catalog";
import type { AssessmentAttempt } from "../schema";
import { pinnedContent } from "./attempt-content";
import { closeExam } from "./close-exam";

type Who = { user: { id: string }; certificationId: string; locale: Locale; now?: Date; db?: Db };

/** The certification and its exam, or the 404 for a certification without one. */
function examOf(certificationId: string) {
  const def = findCertification(certificationId);
  if (!def?.exam) throw new AppError("not_found:exam");
  return { def, exam: def.exam };
}

/** The exam's rules as they apply now: EXAM_TIME_LIMIT_SECONDS (tests only) replaces the time limit. */
export function examRules(def: Certification): ExamRules {
  const exam = def.exam;
  if (!exam) throw new AppError("not_found:exam");
  return {
    questions: exam.questions,
    timeLimitMinutes: env.EXAM_TIME_LIMIT_SECONDS ? env.EXAM_TIME_LIMIT_SECONDS / 60 : exam.timeLimitMinutes,
    passScore: exam.passScore,
    retakeAfterHours: exam.retakeAfterHours,
  };
}

/**
 * A closed exam attempt as the learner sees it: always at the "wrong" level (score, per-chapter
 * breakdown, which questions were wrong with their sections; never a key, even on a pass).
 */
export async function examResultView(
  attempt: AssessmentAttempt,
  locale: Locale,
  db: Db,
): Promise<ExamResultView> {
  const content = await pinnedContent({ revisions: attempt.revisions, locale, db });
  const passScore = attempt.passScore ?? 0;
  const scored = scoreAttempt(attempt.items, answersFrom(attempt.saved), content.lookup, passScore);
  const certificate =
    scored.passed && attempt.closedAt
      ? await certificateIssuedSince({
          userId: attempt.userId,
          certificationId: attempt.subject,
          since: attempt.closedAt,
          db,
        })
      : null;
  return {
    attemptId: attempt.id,
    closedAt: attempt.closedAt ?? new Date(0),
    reason: attempt.closeReason,
    passScore,
    review: showReview("wrong", attempt.items, scored, content),
    certificate: certificate ? { code: certificate.code } : null,
  };
}

/**
 * The exam for the learner: its rules, whether they may start, the open attempt with the time
 * left, the last result. An open attempt whose deadline has passed is closed first, with what was
 * saved before the deadline (the one write this read may make, idempotent).
 */
export async function examState({
  user,
  certificationId,
  locale,
  now = new Date(),
  db = defaultDb,
}: Who): Promise<ExamState> {
  const { def } = examOf(certificationId);
  const subject = { userId: user.id, kind: "exam" as const, subject: def.id };
  let open = await findOpenAttempt({ ...subject, db });
  if (open?.deadlineAt && open.deadlineAt.getTime() <= now.getTime()) {
    await closeExam({ user, certificationId: def.id, attemptId: open.id, now, db });
    open = null;
  }
  const [catalog, facts, last, previous] = await Promise.all([
    loadCatalog({ db }),
    loadCertificationFacts({ userId: user.id, db }),
    latestAttempt({ ...subject, closed: true, db }),
    latestAttempt({ ...subject, db }),
  ]);
  const current = facts.held.find((c) => c.certificationId === def.id) ?? null;
  return {
    certificationId: def.id,
    rules: examRules(def),
    chapters: examShares(def).map(({ slug }) => ({
      slug,
      title: itemTitle(catalog, "chapter", slug, locale),
    })),
    eligibility: open ? null : examEligibility(def, facts.results, current, previous?.startedAt ?? null, now),
    open: open ? openView(open, await pinnedContent({ revisions: open.revisions, locale, db }), now) : null,
    last: last ? await examResultView(last, locale, db) : null,
  };
}

/**
 * Starts the certification exam, or resumes the open attempt (a reload or another device gets the
 * same questions and the time left). A new attempt needs the other requirements met and
 * `retakeAfterHours` since the previous one started; it draws each chapter's weighted share from
 * the chapter's current pool, avoiding the previous exam's questions where the pool allows, and
 * its deadline is held by the server.
 */
export async function startExam({
  user,
  certificationId,
  locale,
  now = new Date(),
  db = defaultDb,
}: Who): Promise<ExamState> {
  const state = await examState({ user, certificationId, locale, now, db });
  if (state.open) return state;
  if (!state.eligibility?.may)
    throw new AppError("conflict:exam_eligibility", state.eligibility?.reason, {
      eligibility: state.eligibility,
    });
  const { def, exam } = examOf(certificationId);
  const catalog = await loadCatalog({ db });
  const previous = await latestAttempt({ userId: user.id, kind: "exam", subject: def.id, db });
  const asked = new Set(previous?.items.map((i) => i.key));
  const pools = examShares(def).map(({ slug, count }) => {
    const entry = catalog.findChapter(slug, locale);
    if (!entry?.result.ok) throw new AppError("unavailable:chapter", slug);
    const chapter = entry.result.chapter;
    return {
      slug,
      count,
      chapter,
      pool: chapter.questions,
      avoid: chapter.questions.map((q) => q.id).filter((id) => asked.has(`${slug}/${id}`)),
    };
  });
  const seed = newSeed();
  const drawn = drawExam({ pools, seed });
  const bySlug = new Map(pools.map((p) => [p.slug, new Map(p.chapter.questions.map((q) => [q.id, q]))]));
  const rules = examRules(def);
  const subject = { userId: user.id, kind: "exam" as const, subject: def.id };
  const opened = await openAttempt({
    attempt: {
      ...subject,
      id: crypto.randomUUID(),
      locale,
      revisions: Object.fromEntries(pools.map((p) => [p.slug, p.chapter.version])),
      seed,
      items: buildAttemptItems(
        seed,
        drawn.flatMap(({ slug, questionId }) => {
          const question = bySlug.get(slug)?.get(questionId);
          return question ? [{ slug, question }] : [];
        }),
      ),
      passScore: exam.passScore,
      startedAt: now,
      deadlineAt: examDeadline(now, rules.timeLimitMinutes),
    },
    // One attempt per retakeAfterHours, checked again as it writes (two starts at once).
    guard: sql`${attemptsStartedSince(subject, subHours(now, exam.retakeAfterHours), true)} = 0`,
    db,
  });
  if (!opened) throw new AppError("conflict:exam_eligibility", "retake-wait");
  return examState({ user, certificationId, locale, now, db });
}
