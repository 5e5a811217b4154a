import { addMonths, subDays } from "date-fns";
import type { Certification, Requirements } from "./definition";

/** A first certificate, or the renewal of one (a new cycle). The schema's `certificates.kind`. */
export const CERTIFICATE_KINDS = ["initial", "renewal"] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/** A learner's results as the rules read them: passed chapter checks and completed scenarios. */
export type Results = {
  chapters: { slug: string; percent: number; passed: boolean; at: Date }[];
  scenarios: { slug: string; percent: number; at: Date }[];
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

/**
 * What the latest results mean for a learner whose newest certificate is `current` (or none):
 * - no certificate: the full requirements earn one;
 * - an expired one: the full requirements again, with results from the lapsed certificate's
 *   renewal window on (results that earned the old certificate do not earn a new one);
 * - a valid one inside its renewal window: the renewal requirements, met since the window opened,
 *   earn the next cycle, which runs on from the current expiry so renewing early loses nothing;
 * - a valid one outside the window: nothing to do; a revoked one: only an administrator can act.
 */
export function decide(
  def: Certification,
  results: Results,
  current: Certificate | null,
  now: Date,
): Decision {
  const status = current ? certificateStatus(def, current, now) : null;
  if (status === "revoked") return { issue: false, reason: "revoked", missing: [] };
  if (status === "valid") return { issue: false, reason: "already-certified", missing: [] };
  if (status === "expiring" && current) {
    const check = checkRequirements(def.renewal, results, renewalOpensAt(def, current));
    if (!check.met) return { issue: false, reason: "requirements", missing: check.missing };
    return {
      issue: true,
      kind: "renewal",
      issuedAt: now,
      expiresAt: addMonths(current.expiresAt, def.validityMonths),
      snapshot: check.snapshot,
    };
  }
  const since = status === "expired" && current ? renewalOpensAt(def, current) : undefined;
  const check = checkRequirements(def, results, since);
  if (!check.met) return { issue: false, reason: "requirements", missing: check.missing };
  return {
    issue: true,
    kind: "initial",
    issuedAt: now,
    expiresAt: addMonths(now, def.validityMonths),
    snapshot: check.snapshot,
  };
}
