import "server-only";
import { AppError } from "../../lib/errors";
import type { Locale } from "../../lib/i18n/locales";
import {
  type Answers,
  answersFrom,
  findAnswerProblem,
  scoreKnowledgeCheck,
} from "../../lib/training/score-check";
import { type Db, db as defaultDb } from "../client";
import { issuanceStatements } from "../queries/certificates";
import { chapterAtVersion, loadCatalog } from "../queries/content-catalog";
import { recordCheckAttempt } from "../queries/learning";
import { settleCertificates } from "./settle-certificates";

/**
 * A learner answers a chapter's knowledge check. The answers are scored on the server against the
 * revision the learner's page showed (`version`; the current one when absent), stored once under
 * the client's `attemptId` together with the report summaries and any certificate it completes,
 * all in one batch. A retry with the same id stores nothing and gets the first outcome back, with
 * feedback derived from the stored answers.
 */
export async function submitKnowledgeCheck({
  user,
  slug,
  locale,
  attemptId,
  answers,
  version,
  now = new Date(),
  db = defaultDb,
}: {
  user: { id: string };
  slug: string;
  locale: Locale;
  attemptId: string;
  answers: Answers;
  version?: string;
  now?: Date;
  db?: Db;
}) {
  const entry = await chapterAtVersion({ slug, locale, version, db });
  if (!entry) {
    const known = (await loadCatalog({ db })).findChapter(slug, locale);
    throw new AppError(known ? "conflict:content_version" : "not_found:chapter");
  }
  if (!entry.result.ok) throw new AppError("unavailable:chapter");
  const { meta, questions } = entry.result.chapter;

  const problem = findAnswerProblem(questions, answers);
  if (problem) throw new AppError("bad_request:answers", problem);
  const result = scoreKnowledgeCheck(questions, answers, meta.passScore);

  const issuing = await issuanceStatements({
    userId: user.id,
    next: { kind: "chapter", attemptId, slug, percent: result.percent, passed: result.passed },
    now,
    db,
  });
  const stored = await recordCheckAttempt({
    attempt: {
      id: attemptId,
      userId: user.id,
      moduleSlug: slug,
      contentVersion: entry.result.chapter.version,
      locale: entry.locale,
      answers: Object.fromEntries(answers),
      score: result.score,
      maxScore: result.maxScore,
      percent: result.percent,
      passed: result.passed,
      createdAt: now,
    },
    alongside: issuing,
    db,
  });
  const certificate = await settleCertificates({
    userId: user.id,
    issuing,
    counts: result.passed,
    at: now,
    db,
  });
  // A retry stored nothing: its feedback comes from the answers stored the first time.
  const shown = stored.inserted
    ? result
    : scoreKnowledgeCheck(questions, answersFrom(stored.answers), meta.passScore);
  return {
    ...shown,
    attemptId,
    passScore: meta.passScore,
    score: stored.score,
    percent: stored.percent,
    passed: stored.passed,
    certificate,
  };
}
