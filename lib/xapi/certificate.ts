import type { Locale } from "@/lib/i18n/locales";
import { actorOf, defaultSite, registrationOf, type Site, statementId } from "./site";
import type { Activity, Statement } from "./types";
import { iris, PLATFORM, VERBS } from "./vocabulary";

/** A certificate row as issuance or revocation knows it. */
export type CertificateFacts = {
  id: string;
  certificationId: string;
  certificationName: Partial<Record<Locale, string>>;
  cycle: number;
  kind: "initial" | "renewal";
  code: string;
  issuedAt: Date;
  expiresAt: Date;
  /** The scores that earned it, e.g. { "scenario:complaint": 86 }. */
  snapshot?: Record<string, number>;
};

function certification(site: Site, c: CertificateFacts): Activity {
  const iri = iris(site);
  return {
    objectType: "Activity",
    id: iri.certification(c.certificationId),
    definition: { type: iri.certificationType, name: { ...c.certificationName } },
  };
}

const facts = (c: CertificateFacts) => ({
  code: c.code,
  cycle: c.cycle,
  kind: c.kind,
  issuedAt: c.issuedAt.toISOString(),
  expiresAt: c.expiresAt.toISOString(),
});

/** A certificate issued: the learner "earned" the certification; registration is the certificate id. */
export function certificateEarnedStatements(
  e: { learner: { employeeNo: string }; certificate: CertificateFacts },
  site: Site = defaultSite(),
): Statement[] {
  const c = e.certificate;
  return [
    {
      id: statementId(site, `certificate/${c.id}/earned`),
      actor: actorOf(site, e.learner.employeeNo),
      verb: VERBS.earned,
      object: certification(site, c),
      result: { success: true, completion: true },
      context: {
        registration: registrationOf(site, c.id),
        platform: PLATFORM,
        extensions: { [iris(site).extension("certificate")]: { ...facts(c), snapshot: c.snapshot ?? {} } },
      },
      timestamp: c.issuedAt.toISOString(),
    },
  ];
}

/**
 * A certificate revoked by an admin: a statement about the holder (the actor is whom a statement
 * is about) with the platform's "revoked" verb, the admin's employee number and the reason.
 */
export function certificateRevokedStatements(
  e: {
    learner: { employeeNo: string };
    certificate: CertificateFacts;
    revokedAt: Date;
    revokedBy: { employeeNo: string };
    reason: string;
  },
  site: Site = defaultSite(),
): Statement[] {
  const c = e.certificate;
  return [
    {
      id: statementId(site, `certificate/${c.id}/revoked`),
      actor: actorOf(site, e.learner.employeeNo),
      verb: iris(site).revoked,
      object: certification(site, c),
      context: {
        registration: registrationOf(site, c.id),
        platform: PLATFORM,
        extensions: {
          [iris(site).extension("certificate")]: {
            ...facts(c),
            revokedAt: e.revokedAt.toISOString(),
            revokedBy: e.revokedBy.employeeNo,
            reason: e.reason,
          },
        },
      },
      timestamp: e.revokedAt.toISOString(),
    },
  ];
}
