import "server-only";
import { and, desc, eq, gte, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { canonicalEmployeeNo } from "../../lib/auth/employee-no";
import { certifications } from "../../lib/certification/catalog";
import { decide, type Results } from "../../lib/certification/rules";
import { generateVerificationCode } from "../../lib/certification/verification-code";
import { type Db, db as defaultDb } from "../client";
import {
  assessmentAttempts,
  auditLog,
  branches,
  type CertificateRow,
  certificates,
  checkAttempts,
  notifications,
  scenarioAttempts,
  users,
} from "../schema";
import { standingPercent, writtenBy } from "../sql/appeal-standing";
import { majorCutoff } from "../sql/major-cutoff";
import { escapeLike } from "../sql/subtree";
import { rowsAffected, writeBatch } from "../write";
import { certificateEarnedInserts, certificateRevokedInserts } from "./xapi-events";

/** A submission being stored in the same batch, and the version of it the decision assumed. */
export type NewResult =
  | { kind: "chapter"; attemptId: string; slug: string; percent: number; passed: boolean }
  | { kind: "scenario"; attemptId: string; version: number; slug: string; percent: number }
  /** A stored role-play re-scored by this batch (a trainer's review, `writtenBy` its `writeId`). */
  | { kind: "rescored"; attemptId: string; writeId: string; percent: number }
  /** An exam attempt closed by this batch (`closeId`), at `at` (its deadline when it ran out). */
  | {
      kind: "exam";
      attemptId: string;
      closeId: string;
      certificationId: string;
      percent: number;
      passed: boolean;
      at: Date;
    };

function storedAsAssumed(userId: string, next: NewResult | undefined): SQL {
  if (!next) return sql`1`;
  if (next.kind === "rescored") return writtenBy(next.attemptId, next.writeId);
  if (next.kind === "chapter") {
    // The chapter too: an earlier attempt's id resent to another chapter's route must not count
    // as that chapter's result (the ownership check runs after the batch).
    return sql`exists (select 1 from ${checkAttempts} where id = ${next.attemptId}
      and user_id = ${userId} and module_slug = ${next.slug} and passed = ${next.passed ? 1 : 0})`;
  }
  if (next.kind === "exam") {
    return sql`exists (select 1 from ${assessmentAttempts} where id = ${next.attemptId}
      and user_id = ${userId} and close_id = ${next.closeId} and passed = ${next.passed ? 1 : 0})`;
  }
  return sql`exists (select 1 from ${scenarioAttempts} where id = ${next.attemptId}
    and user_id = ${userId} and scenario_slug = ${next.slug} and version = ${next.version}
    and status = 'completed')`;
}

/** Everything the certification rules read about one person, in one round trip. */
export async function loadCertificationFacts({ userId, db = defaultDb }: { userId: string; db?: Db }) {
  const [chapters, scenarios, exams, held, [person]] = await db.batch([
    db
      .select({
        slug: checkAttempts.moduleSlug,
        percent: checkAttempts.percent,
        passed: checkAttempts.passed,
        at: checkAttempts.createdAt,
      })
      .from(checkAttempts)
      .where(
        and(
          eq(checkAttempts.userId, userId),
          eq(checkAttempts.passed, true),
          sql`${checkAttempts.createdAt} > ${majorCutoff("chapter", checkAttempts.moduleSlug)}`,
        ),
      ),
    db
      .select({
        attemptId: scenarioAttempts.id,
        slug: scenarioAttempts.scenarioSlug,
        percent: standingPercent(),
        at: scenarioAttempts.completedAt,
      })
      .from(scenarioAttempts)
      .where(
        and(
          eq(scenarioAttempts.userId, userId),
          eq(scenarioAttempts.status, "completed"),
          sql`${scenarioAttempts.completedAt} > ${majorCutoff("scenario", scenarioAttempts.scenarioSlug)}`,
        ),
      ),
    // Closed exams, passed or not. A chapter's major revision does not undo an exam pass.
    db
      .select({
        certificationId: assessmentAttempts.subject,
        percent: assessmentAttempts.percent,
        passed: assessmentAttempts.passed,
        at: assessmentAttempts.closedAt,
      })
      .from(assessmentAttempts)
      .where(
        and(
          eq(assessmentAttempts.userId, userId),
          eq(assessmentAttempts.kind, "exam"),
          sql`${assessmentAttempts.closedAt} is not null`,
        ),
      ),
    db.select().from(certificates).where(eq(certificates.userId, userId)).orderBy(desc(certificates.cycle)),
    db.select({ employeeNo: users.employeeNo }).from(users).where(eq(users.id, userId)),
  ]);
  const completed = scenarios.flatMap(({ attemptId, slug, percent, at }) =>
    percent !== null && at ? [{ attemptId, slug, percent, at }] : [],
  );
  const closed = exams.flatMap(({ certificationId, percent, passed, at }) =>
    percent !== null && passed !== null && at ? [{ certificationId, percent, passed, at }] : [],
  );
  return {
    results: { chapters, scenarios: completed, exams: closed } satisfies Results,
    held,
    /** Who the certificates' xAPI statements are about. */
    learner: { employeeNo: person?.employeeNo ?? userId },
  };
}

/**
 * The statements that issue whatever certificate `next` (a submission not yet stored) completes,
 * to run in the same batch as that submission and after it. Each insert is guarded twice: the
 * submission must have been stored as assumed (a retry or a lost race stores nothing), and no certificate of this or a later
 * cycle may exist; the unique (user, certification, cycle) index backs that up. So two concurrent
 * submissions that both complete the rules issue one certificate. The holder's notification and the
 * xAPI "earned" statement (in the outbox) are written only where that certificate was.
 */
export async function issuanceStatements({
  userId,
  next,
  now,
  db = defaultDb,
}: {
  userId: string;
  next?: NewResult;
  now: Date;
  db?: Db;
}): Promise<BatchItem<"sqlite">[]> {
  const { results, held, learner } = await loadCertificationFacts({ userId, db });
  const withNext: Results =
    next?.kind === "chapter"
      ? { ...results, chapters: [...results.chapters, { ...next, at: now }] }
      : next?.kind === "scenario"
        ? { ...results, scenarios: [...results.scenarios, { ...next, at: now }] }
        : next?.kind === "rescored"
          ? {
              ...results,
              scenarios: results.scenarios.map((r) =>
                r.attemptId === next.attemptId ? { ...r, percent: next.percent } : r,
              ),
            }
          : next?.kind === "exam"
            ? { ...results, exams: [...results.exams, next] }
            : results;
  return certifications().flatMap((def) => {
    const current = held.find((c) => c.certificationId === def.id) ?? null;
    const decision = decide(def, withNext, current, now);
    if (!decision.issue) return [];
    const cycle = (current?.cycle ?? 0) + 1;
    const id = crypto.randomUUID();
    const code = generateVerificationCode();
    return [
      db.run(sql`insert into ${certificates}
          (id, user_id, certification_id, cycle, kind, code, issued_at, expires_at, snapshot)
        select ${id}, ${userId}, ${def.id}, ${cycle}, ${decision.kind}, ${code},
          ${decision.issuedAt.getTime()}, ${decision.expiresAt.getTime()}, ${JSON.stringify(decision.snapshot)}
        where ${storedAsAssumed(userId, next)} and not exists (
          select 1 from ${certificates}
          where user_id = ${userId} and certification_id = ${def.id} and cycle >= ${cycle})
        on conflict do nothing`),
      db.run(sql`insert into ${notifications} (id, user_id, kind, dedupe_key, payload)
        select ${crypto.randomUUID()}, user_id, 'certificate-issued', 'certificate-issued:' || id,
          json_object('certificateId', id, 'certificationId', certification_id, 'code', code,
            'expiresAt', strftime('%Y-%m-%dT%H:%M:%fZ', expires_at / 1000.0, 'unixepoch'))
        from ${certificates} where id = ${id}
        on conflict do nothing`),
      ...certificateEarnedInserts({
        learner,
        certificate: {
          id,
          certificationId: def.id,
          cycle,
          kind: decision.kind,
          code,
          issuedAt: decision.issuedAt,
          expiresAt: decision.expiresAt,
          snapshot: decision.snapshot,
        },
        db,
      }),
    ];
  });
}

/**
 * Issues what a person's stored results already earn (see db/use-cases/settle-certificates.ts),
 * guarded like the submission path. True when it wrote.
 */
export async function reconcileCertificates({
  userId,
  now = new Date(),
  db = defaultDb,
}: {
  userId: string;
  now?: Date;
  db?: Db;
}): Promise<boolean> {
  const [first, ...rest] = await issuanceStatements({ userId, now, db });
  if (!first) return false;
  await writeBatch([first, ...rest], db);
  return true;
}

/** Someone's certificates, newest cycle first. */
export async function listCertificates({
  userId,
  db = defaultDb,
}: {
  userId: string;
  db?: Db;
}): Promise<CertificateRow[]> {
  return db
    .select()
    .from(certificates)
    .where(eq(certificates.userId, userId))
    .orderBy(desc(certificates.issuedAt));
}

/**
 * The certificate a submission at `at` issued to this person, if any. Attempts store whole seconds,
 * so the match is on the second.
 */
export async function findCertificateIssuedAt({
  userId,
  at,
  db = defaultDb,
}: {
  userId: string;
  at: Date;
  db?: Db;
}) {
  const second = Math.floor(at.getTime() / 1000) * 1000;
  const [row] = await db
    .select({ id: certificates.id, certificationId: certificates.certificationId, code: certificates.code })
    .from(certificates)
    .where(
      and(
        eq(certificates.userId, userId),
        gte(certificates.issuedAt, new Date(second)),
        lt(certificates.issuedAt, new Date(second + 1000)),
      ),
    );
  return row ?? null;
}

/** What the public verify page may show about a code; nothing for an unknown one. */
export async function findCertificateForVerify({ code, db = defaultDb }: { code: string; db?: Db }) {
  const [row] = await db
    .select({
      certificationId: certificates.certificationId,
      issuedAt: certificates.issuedAt,
      expiresAt: certificates.expiresAt,
      revokedAt: certificates.revokedAt,
      holderName: users.name,
      branchName: branches.name,
      branchNameEn: branches.nameEn,
    })
    .from(certificates)
    .innerJoin(users, eq(users.id, certificates.userId))
    .innerJoin(branches, eq(branches.id, users.branchId))
    .where(eq(certificates.code, code));
  return row ?? null;
}

/**
 * Revokes a certificate once: the update is guarded by `revoked_at is null`, and the audit entry,
 * the holder's notification and the xAPI "revoked" statement (in the outbox) are written in the
 * same batch only when it changed something.
 */
export async function revokeCertificate({
  db = defaultDb,
  ...r
}: {
  id: string;
  actorId: string;
  reason: string;
  now: Date;
  db?: Db;
}) {
  const changed = sql`exists (select 1 from ${certificates}
    where id = ${r.id} and revoked_at = ${r.now.getTime()} and revoked_by = ${r.actorId})`;
  const [update] = await writeBatch(
    [
      db
        .update(certificates)
        .set({ revokedAt: r.now, revokedBy: r.actorId, revokeReason: r.reason })
        .where(and(eq(certificates.id, r.id), isNull(certificates.revokedAt))),
      db.run(sql`insert into ${auditLog} (id, actor_id, action, target_type, target_id, before, after)
      select ${crypto.randomUUID()}, ${r.actorId}, 'certificate.revoke', 'certificate', ${r.id},
        json_object('status', 'issued', 'code', code),
        json_object('status', 'revoked', 'code', code, 'reason', ${r.reason})
      from ${certificates} where id = ${r.id} and ${changed}`),
      db.run(sql`insert into ${notifications} (id, user_id, kind, dedupe_key, payload)
      select ${crypto.randomUUID()}, user_id, 'certificate-revoked', 'certificate-revoked:' || id,
        json_object('certificateId', id, 'certificationId', certification_id, 'code', code,
          'expiresAt', strftime('%Y-%m-%dT%H:%M:%fZ', expires_at / 1000.0, 'unixepoch'))
      from ${certificates} where id = ${r.id} and ${changed}
      on conflict do nothing`),
      ...(await certificateRevokedInserts({
        id: r.id,
        revokedAt: r.now,
        revokedById: r.actorId,
        reason: r.reason,
        db,
      })),
    ],
    db,
  );
  return rowsAffected(update) === 1;
}

/** Certificates an administrator looks up by code, employee number or name, newest first. */
export async function searchCertificates({
  query,
  limit = 50,
  db = defaultDb,
}: {
  query: string;
  limit?: number;
  db?: Db;
}) {
  const q = query.trim();
  const like = `%${escapeLike(q)}%`;
  return db
    .select({
      id: certificates.id,
      code: certificates.code,
      certificationId: certificates.certificationId,
      cycle: certificates.cycle,
      issuedAt: certificates.issuedAt,
      expiresAt: certificates.expiresAt,
      revokedAt: certificates.revokedAt,
      revokeReason: certificates.revokeReason,
      holderName: users.name,
      employeeNo: users.employeeNo,
      branchName: branches.name,
      branchNameEn: branches.nameEn,
    })
    .from(certificates)
    .innerJoin(users, eq(users.id, certificates.userId))
    .innerJoin(branches, eq(branches.id, users.branchId))
    .where(
      q
        ? or(
            eq(certificates.code, q.toUpperCase()),
            eq(users.employeeNo, canonicalEmployeeNo(q)),
            sql`${users.name} like ${like} escape '\\'`,
          )
        : undefined,
    )
    .orderBy(desc(certificates.issuedAt))
    .limit(limit);
}

/** A certificate with what its PDF prints and what the access check needs (the holder's branch path). */
export async function getCertificateWithHolder({ id, db = defaultDb }: { id: string; db?: Db }) {
  const [row] = await db
    .select({
      certificate: certificates,
      holderName: users.name,
      employeeNo: users.employeeNo,
      branchName: branches.name,
      branchNameEn: branches.nameEn,
      branchPath: branches.path,
    })
    .from(certificates)
    .innerJoin(users, eq(users.id, certificates.userId))
    .innerJoin(branches, eq(branches.id, users.branchId))
    .where(eq(certificates.id, id));
  return row ?? null;
}

/** The first certificate of a certification issued to a person at or after `since` (what a pass earned). */
export async function certificateIssuedSince({
  userId,
  certificationId,
  since,
  db = defaultDb,
}: {
  userId: string;
  certificationId: string;
  since: Date;
  db?: Db;
}) {
  const [row] = await db
    .select({ id: certificates.id, code: certificates.code, issuedAt: certificates.issuedAt })
    .from(certificates)
    .where(
      and(
        eq(certificates.userId, userId),
        eq(certificates.certificationId, certificationId),
        gte(certificates.issuedAt, since),
      ),
    )
    .orderBy(certificates.issuedAt)
    .limit(1);
  return row ?? null;
}
