import { addMonths, subDays } from "date-fns";
import type { Certification, Requirements } from "./definition";

/** A first certificate, or the renewal of one (a new cycle). The schema's `certificates.kind`. */
export const CERTIFICATE_KINDS = ["initial", "renewal"] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/** A closed certification exam attempt. */
export type ExamResult = { certificationId: string; percent: number; passed: boolean; at: Date };

/** A learner's results as the rules read them: passed chapter checks, completed scenarios, exams. */
export type Results = {
  chapters: { slug: string; percent: number; passed: boolean; at: Date }[];
  scenarios: { slug: string; percent: number; at: Date }[];
  /** The learner's closed exam attempts. */
  exams: ExamResult[];
};

export type Certificate = { issuedAt: Date; expiresAt: Date; revokedAt: Date | null };

export type Check = {
  met: boolean;
  /** What is still missing, e.g. "chapter:complaint-handling" or "scenario:complaint>=80". */
  missing: string[];
  /** Best qualifying score per requirement, the snapshot a certificate keeps. */
  snapshot: Record<string, number>;
};

/** Whether results (only those at or after `since`, when given) satisfy a set of requirements. */
export function checkRequirements(req: Requirements, results: Results, since?: Date): Check {
  const inWindow = <T extends { at: Date }>(r: T) => !since || r.at.getTime() >= since.getTime();
  const missing: string[] = [];
  const snapshot: Record<string, number> = {};
  for (const chapter of req.chapters) {
    const passes = results.chapters.filter((c) => c.slug === chapter && c.passed && inWindow(c));
    if (passes.length === 0) missing.push(`chapter:${chapter}`);
    else snapshot[`chapter:${chapter}`] = Math.max(...passes.map((c) => c.percent));
  }
  for (const { slug, minPercent } of req.scenarios) {
    const best = Math.max(
      -1,
      ...results.scenarios.filter((s) => s.slug === slug && inWindow(s)).map((s) => s.percent),
    );
    if (best < minPercent) missing.push(`scenario:${slug}>=${minPercent}`);
    else snapshot[`scenario:${slug}`] = best;
  }
  return { met: missing.length === 0, missing, snapshot };
}

/**
 * The exam requirement of a certification with an exam: a pass of its exam (at or after `since`,
 * when given); the snapshot keeps the best passing percent as `exam:<certification id>`.
 */
export function checkExam(def: Certification, results: Results, since?: Date): Check {
  if (!def.exam) return { met: true, missing: [], snapshot: {} };
  const key = `exam:${def.id}`;
  const passes = results.exams.filter(
    (e) => e.certificationId === def.id && e.passed && (!since || e.at.getTime() >= since.getTime()),
  );
  if (passes.length === 0) return { met: false, missing: [key], snapshot: {} };
  return { met: true, missing: [], snapshot: { [key]: Math.max(...passes.map((e) => e.percent)) } };
}

/** Everything a certificate needs: the requirements (`req`, full or renewal), then the exam. */
export function checkWithExam(def: Certification, req: Requirements, results: Results, since?: Date): Check {
  const others = checkRequirements(req, results, since);
  const exam = checkExam(def, results, since);
  return {
    met: others.met && exam.met,
    missing: [...others.missing, ...exam.missing],
    snapshot: { ...others.snapshot, ...exam.snapshot },
  };
}

export function renewalOpensAt(def: Certification, cert: Certificate): Date {
  return subDays(cert.expiresAt, def.renewalWindowDays);
}

export type CertificateStatus = "valid" | "expiring" | "expired" | "revoked";

/** Revoked wins; expired from the expiry instant on; expiring inside the renewal window. */
export function certificateStatus(def: Certification, cert: Certificate, now: Date): CertificateStatus {
  if (cert.revokedAt && cert.revokedAt.getTime() <= now.getTime()) return "revoked";
  if (now.getTime() >= cert.expiresAt.getTime()) return "expired";
  if (now.getTime() >= renewalOpensAt(def, cert).getTime()) return "expiring";
  return "valid";
}

export type Decision =
  | {
      issue: true;
      kind: CertificateKind;
      issuedAt: Date;
      expiresAt: Date;
      snapshot: Record<string, number>;
    }
  | { issue: false; reason: "requirements" | "already-certified" | "revoked"; missing: string[] };

/** Which certificate a learner can earn next, what it takes and from when results count. */
export type Cycle =
  | { open: true; kind: CertificateKind; requirements: Requirements; since?: Date }
  | { open: false; reason: "already-certified" | "revoked" };

/**
 * For a learner whose newest certificate is `current` (or none):
 * - no certificate: the full requirements earn one;
 * - an expired one: the full requirements again, with results from the lapsed certificate's
 *   renewal window on (results that earned the old certificate do not earn a new one);
 * - a valid one inside its renewal window: the renewal requirements, met since the window opened;
 * - a valid one outside the window: nothing to do; a revoked one: only an administrator can act.
 * With an exam, each of them also needs an exam pass from the same time on.
 */
export function nextCycle(def: Certification, current: Certificate | null, now: Date): Cycle {
  const status = current ? certificateStatus(def, current, now) : null;
  if (status === "revoked") return { open: false, reason: "revoked" };
  if (status === "valid") return { open: false, reason: "already-certified" };
  if (status === "expiring" && current)
    return { open: true, kind: "renewal", requirements: def.renewal, since: renewalOpensAt(def, current) };
  const since = status === "expired" && current ? renewalOpensAt(def, current) : undefined;
  return {
    open: true,
    kind: "initial",
    requirements: { chapters: def.chapters, scenarios: def.scenarios },
    since,
  };
}

/**
 * What the latest results mean for a learner whose newest certificate is `current` (or none), by
 * `nextCycle`; a renewal runs on from the current expiry so renewing early loses nothing.
 */
export function decide(
  def: Certification,
  results: Results,
  current: Certificate | null,
  now: Date,
): Decision {
  const cycle = nextCycle(def, current, now);
  if (!cycle.open) return { issue: false, reason: cycle.reason, missing: [] };
  const check = checkWithExam(def, cycle.requirements, results, cycle.since);
  if (!check.met) return { issue: false, reason: "requirements", missing: check.missing };
  return {
    issue: true,
    kind: cycle.kind,
    issuedAt: now,
    expiresAt:
      cycle.kind === "renewal" && current
        ? addMonths(current.expiresAt, def.validityMonths)
        : addMonths(now, def.validityMonths),
    snapshot: check.snapshot,
  };
}
