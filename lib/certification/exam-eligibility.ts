import { examRetakeOpensAt } from "@/lib/assessment/exam-timing";
import type { Certification } from "./definition";
import { type Certificate, checkRequirements, nextCycle, type Results } from "./rules";

export type ExamEligibility =
  | { may: true; kind: "initial" | "renewal" }
  | { may: false; reason: "no-exam" | "already-certified" | "revoked" }
  /** The other requirements of the certificate to earn (full, or renewal since the window opened). */
  | { may: false; reason: "requirements"; missing: string[] }
  | { may: false; reason: "retake-wait"; opensAt: Date };

/**
 * Whether a learner may start the certification exam now: the certification has one, there is a
 * certificate to earn (`nextCycle`), its other requirements are met (the renewal ones since the
 * window opened, inside it), and `retakeAfterHours` have passed since the previous exam attempt
 * started. Resume an open exam attempt before asking.
 */
export function examEligibility(
  def: Certification,
  results: Results,
  current: Certificate | null,
  previousExamStartedAt: Date | null,
  now: Date,
): ExamEligibility {
  if (!def.exam) return { may: false, reason: "no-exam" };
  const cycle = nextCycle(def, current, now);
  if (!cycle.open) return { may: false, reason: cycle.reason };
  const others = checkRequirements(cycle.requirements, results, cycle.since);
  if (!others.met) return { may: false, reason: "requirements", missing: others.missing };
  if (previousExamStartedAt) {
    const opensAt = examRetakeOpensAt(previousExamStartedAt, def.exam.retakeAfterHours);
    if (now.getTime() < opensAt.getTime()) return { may: false, reason: "retake-wait", opensAt };
  }
  return { may: true, kind: cycle.kind };
}
