import "server-only";
import { eq, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { certifications, findCertification } from "../../lib/certification/catalog";
import { type ClosedAttempt, checkClosedStatements, examClosedStatements } from "../../lib/xapi/assessment";
import {
  type CertificateFacts,
  certificateEarnedStatements,
  certificateRevokedStatements,
} from "../../lib/xapi/certificate";
import { type ChapterRead, chapterReadStatements } from "../../lib/xapi/chapter";
import { type ScenarioAnswer, scenarioAnswerStatements } from "../../lib/xapi/scenario";
import { type Db, db as defaultDb } from "../client";
import { certificates, users } from "../schema";
import { outboxInserts } from "./xapi-outbox";

// One function per event that records learning: each returns the outbox inserts of that event's
// xAPI statements, to append to the event's own batch after the write it records. The ids are
// fixed by the event, so a retried event stores nothing twice; `guard` (optional) makes the rows
// depend on a condition the batch's own guarded write establishes.

type Options = { db?: Db; guard?: SQL };

/** Certifications whose requirements name this chapter or scenario (`contextActivities.grouping`). */
export function certificationsRequiring(kind: "chapter" | "scenario", slug: string): string[] {
  return certifications()
    .filter((c) =>
      kind === "chapter" ? c.chapters.includes(slug) : c.scenarios.some((s) => s.slug === slug),
    )
    .map((c) => c.id);
}

/** The learner reached the last section of a chapter: "experienced" it (once per revision). */
export function chapterReadInserts({
  db = defaultDb,
  guard,
  ...e
}: ChapterRead & Options): BatchItem<"sqlite">[] {
  const certificationIds = e.certificationIds ?? certificationsRequiring("chapter", e.chapter.slug);
  return outboxInserts(chapterReadStatements({ ...e, certificationIds }), { db, guard });
}

/** A knowledge-check attempt closed: each answered question, then passed/failed. */
export function checkClosedInserts({
  db = defaultDb,
  guard,
  ...e
}: Parameters<typeof checkClosedStatements>[0] & Options): BatchItem<"sqlite">[] {
  const certificationIds = e.certificationIds ?? certificationsRequiring("chapter", e.chapter.slug);
  return outboxInserts(checkClosedStatements({ ...e, certificationIds }), { db, guard });
}

/** A certification exam attempt closed (by submission or at its deadline): each answered question, then passed/failed. */
export function examClosedInserts({
  db = defaultDb,
  guard,
  certificationId,
  ...e
}: ClosedAttempt & { certificationId: string } & Options): BatchItem<"sqlite">[] {
  const name = findCertification(certificationId)?.name ?? {};
  return outboxInserts(examClosedStatements({ ...e, certification: { id: certificationId, name } }), {
    db,
    guard,
  });
}

/** A role-play step answered: the step, and the completion when it ended the role-play. */
export function scenarioAnsweredInserts({
  db = defaultDb,
  guard,
  ...e
}: ScenarioAnswer & Options): BatchItem<"sqlite">[] {
  const certificationIds = e.certificationIds ?? certificationsRequiring("scenario", e.attempt.scenarioSlug);
  return outboxInserts(scenarioAnswerStatements({ ...e, certificationIds }), { db, guard });
}

/**
 * A certificate issued (issuanceStatements, after its guarded insert): "earned". Guarded by the
 * certificate row itself, so a lost race or a retry that issues nothing records nothing.
 */
export function certificateEarnedInserts({
  db = defaultDb,
  learner,
  certificate,
}: {
  learner: { employeeNo: string };
  certificate: Omit<CertificateFacts, "certificationName">;
  db?: Db;
}): BatchItem<"sqlite">[] {
  const certificationName = findCertification(certificate.certificationId)?.name ?? {};
  return outboxInserts(
    certificateEarnedStatements({ learner, certificate: { ...certificate, certificationName } }),
    {
      db,
      guard: sql`exists (select 1 from ${certificates} where id = ${certificate.id})`,
    },
  );
}

/**
 * A certificate being revoked (revokeCertificate's batch): reads the certificate and its holder,
 * and returns the "revoked" statement guarded like the revocation's audit entry (this revocation,
 * at this time, by this admin, was the one applied). Empty when there is no such certificate.
 */
export async function certificateRevokedInserts({
  id,
  revokedAt,
  revokedBy,
  reason,
  db = defaultDb,
}: {
  id: string;
  revokedAt: Date;
  revokedBy: { id: string; employeeNo: string };
  reason: string;
  db?: Db;
}): Promise<BatchItem<"sqlite">[]> {
  const [row] = await db
    .select({ certificate: certificates, employeeNo: users.employeeNo })
    .from(certificates)
    .innerJoin(users, eq(users.id, certificates.userId))
    .where(eq(certificates.id, id));
  if (!row) return [];
  const c = row.certificate;
  const certificate: CertificateFacts = {
    id: c.id,
    certificationId: c.certificationId,
    certificationName: findCertification(c.certificationId)?.name ?? {},
    cycle: c.cycle,
    kind: c.kind,
    code: c.code,
    issuedAt: c.issuedAt,
    expiresAt: c.expiresAt,
  };
  return outboxInserts(
    certificateRevokedStatements({
      learner: { employeeNo: row.employeeNo },
      certificate,
      revokedAt,
      revokedBy: { employeeNo: revokedBy.employeeNo },
      reason,
    }),
    {
      db,
      guard: sql`exists (select 1 from ${certificates}
        where id = ${id} and revoked_at = ${revokedAt.getTime()} and revoked_by = ${revokedBy.id})`,
    },
  );
}
