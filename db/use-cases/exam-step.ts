import "server-only";
import { remainingSeconds } from "../../lib/assessment/exam-timing";
import type { ExamStep } from "../../lib/assessment/views";
import type { Certification } from "../../lib/certification/definition";
import { examEligibility } from "../../lib/certification/exam-eligibility";
import { type Db, db as defaultDb } from "../client";
import { findOpenAttempt, latestAttempt } from "../queries/assessment-attempts";
import { loadCertificationFacts } from "../queries/certificates";

/**
 * Where the learner stands with a certification's exam, for the home page. Reads only: an attempt
 * past its deadline is reported as "time-up" and closed by the exam page.
 */
export async function examStep({
  userId,
  def,
  now = new Date(),
  db = defaultDb,
}: {
  userId: string;
  def: Certification;
  now?: Date;
  db?: Db;
}): Promise<{ step: ExamStep; last: { percent: number; passed: boolean } | null } | null> {
  if (!def.exam) return null;
  const subject = { userId, kind: "exam" as const, subject: def.id };
  const [open, previous, last, facts] = await Promise.all([
    findOpenAttempt({ ...subject, db }),
    latestAttempt({ ...subject, db }),
    latestAttempt({ ...subject, closed: true, db }),
    loadCertificationFacts({ userId, db }),
  ]);
  const shown = last?.percent != null ? { percent: last.percent, passed: last.passed === true } : null;
  if (open?.deadlineAt) {
    const left = remainingSeconds(open.deadlineAt, now);
    return { step: left > 0 ? { state: "open", remainingSeconds: left } : { state: "time-up" }, last: shown };
  }
  const current = facts.held.find((c) => c.certificationId === def.id) ?? null;
  const may = examEligibility(def, facts.results, current, previous?.startedAt ?? null, now);
  const step: ExamStep = may.may
    ? { state: "may", kind: may.kind }
    : may.reason === "retake-wait"
      ? { state: "retake-wait", opensAt: may.opensAt }
      : may.reason === "already-certified"
        ? { state: "certified" }
        : may.reason === "revoked"
          ? { state: "revoked" }
          : { state: "requirements" };
  return { step, last: shown };
}
