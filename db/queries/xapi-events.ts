import "server-only";
import { eq, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { alias } from "drizzle-orm/sqlite-core";
import type { AttemptItem, QuestionLookup } from "../../lib/assessment/attempt-items";
import type { AttemptScore } from "../../lib/assessment/score";
import { certifications, findCertification } from "../../lib/certification/catalog";
import type { Locale } from "../../lib/i18n/locales";
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

/**
 * A server-held attempt as its close batch knows it: the attempt row (its chapter or certification
 * is `subject`; `revisions` the pinned revision of each chapter), the close that won (when, why,
 * the score of the final answers) and the pinned questions. Pass `guard` = the close's own guard
 * (the attempt was closed by this close), so a close that lost the race records nothing.
 */
export type AttemptClose = {
  learner: { employeeNo: string };
  attempt: {
    id: string;
    subject: string;
    locale: Locale;
    startedAt: Date;
    items: readonly AttemptItem[];
    revisions?: Readonly<Record<string, string>>;
  };
  closing: { closedAt: Date; reason?: string | null; scored: AttemptScore };
  lookup: QuestionLookup;
} & Options;

function closedAttempt(
  { learner, attempt, closing, lookup }: AttemptClose,
  revisionId?: string,
): ClosedAttempt {
  const closeReason = closing.reason && closing.reason !== "submitted" ? closing.reason : undefined;
  return {
    learner,
    attempt: {
      id: attempt.id,
      locale: attempt.locale,
      startedAt: attempt.startedAt,
      closedAt: closing.closedAt,
      ...(revisionId ? { revisionId } : {}),
      ...(closeReason ? { closeReason } : {}),
    },
    items: attempt.items,
    score: closing.scored,
    lookup,
  };
}

/** A knowledge-check attempt closed (`subject` = the chapter): each answered question, then passed/failed. */
export function checkClosedInserts({
  chapterTitle,
  certificationIds,
  ...close
}: AttemptClose & { chapterTitle: string; certificationIds?: readonly string[] }): BatchItem<"sqlite">[] {
  const slug = close.attempt.subject;
  return outboxInserts(
    checkClosedStatements({
      ...closedAttempt(close, close.attempt.revisions?.[slug]),
      chapter: { slug, title: chapterTitle },
      certificationIds: certificationIds ?? certificationsRequiring("chapter", slug),
    }),
    { db: close.db ?? defaultDb, guard: close.guard },
  );
}

/**
 * A certification exam attempt closed (`subject` = the certification; by submission or at its
 * deadline): each answered question, then passed/failed.
 */
export function examClosedInserts(close: AttemptClose): BatchItem<"sqlite">[] {
  const id = close.attempt.subject;
  const name = findCertification(id)?.name ?? {};
  return outboxInserts(examClosedStatements({ ...closedAttempt(close), certification: { id, name } }), {
    db: close.db ?? defaultDb,
    guard: close.guard,
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
 * A certificate being revoked (revokeCertificate's batch): reads the certificate, its holder and
 * the admin, and returns the "revoked" statement guarded like the revocation's audit entry (this
 * revocation, at this time, by this admin, was the one applied). Empty when there is no such
 * certificate.
 */
export async function certificateRevokedInserts({
  id,
  revokedAt,
  revokedById,
  reason,
  db = defaultDb,
}: {
  id: string;
  revokedAt: Date;
  /** The admin's user id. */
  revokedById: string;
  reason: string;
  db?: Db;
}): Promise<BatchItem<"sqlite">[]> {
  const admin = alias(users, "admin");
  const [row] = await db
    .select({ certificate: certificates, employeeNo: users.employeeNo, adminEmployeeNo: admin.employeeNo })
    .from(certificates)
    .innerJoin(users, eq(users.id, certificates.userId))
    .leftJoin(admin, eq(admin.id, revokedById))
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
      revokedBy: { employeeNo: row.adminEmployeeNo ?? revokedById },
      reason,
    }),
    {
      db,
      guard: sql`exists (select 1 from ${certificates}
        where id = ${id} and revoked_at = ${revokedAt.getTime()} and revoked_by = ${revokedById})`,
    },
  );
}
