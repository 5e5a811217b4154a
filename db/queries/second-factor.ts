import "server-only";
import { and, count, eq, gt, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import { hashToken, newOneTimeToken } from "../../lib/auth/one-time-token";
import { CHALLENGE_MAX_ATTEMPTS } from "../../lib/auth/second-factor-policy";
import {
  checkThrottle,
  recordFailure,
  type ThrottleDecision,
  type ThrottleState,
} from "../../lib/auth/throttle";
import { type Db, db as defaultDb } from "../client";
import { auditLog, loginThrottle, recoveryCodes, secondFactors, signInChallenges, users } from "../schema";
import { rowsAffected, writeBatch } from "../write";

/** Wrong codes are counted per person in the sign-in throttle's table, under a key of their own. */
const throttleKey = (userId: string) => `2fa:${userId}`;

/** An enrolled person's sealed secret and the last time step accepted, or undefined. */
export async function getSecondFactor({ userId, db = defaultDb }: { userId: string; db?: Db }) {
  return db.query.secondFactors.findFirst({ where: eq(secondFactors.userId, userId) });
}

/** For the admin's person page: since when, and how many recovery codes are left; null when not enrolled. */
export async function secondFactorStatus({ userId, db = defaultDb }: { userId: string; db?: Db }) {
  const [factor, [left]] = await db.batch([
    db
      .select({ enrolledAt: secondFactors.enrolledAt })
      .from(secondFactors)
      .where(eq(secondFactors.userId, userId)),
    db
      .select({ n: count() })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt))),
  ]);
  const enrolledAt = factor[0]?.enrolledAt;
  return enrolledAt ? { enrolledAt, recoveryCodesLeft: left?.n ?? 0 } : null;
}

/**
 * Starts the second step after a passed first factor: a fresh token (only its hash stored) that
 * replaces any earlier step of the same person; expired steps of anyone are swept in the same batch.
 */
export async function createChallenge({
  userId,
  sessionVersion,
  provider,
  address,
  enrolSecretSealed,
  expiresAt,
  now,
  db = defaultDb,
}: {
  userId: string;
  sessionVersion: number;
  provider: string;
  address: string | null;
  enrolSecretSealed: string | null;
  expiresAt: Date;
  now: Date;
  db?: Db;
}): Promise<string> {
  const { token, hash } = newOneTimeToken();
  await writeBatch(
    [
      db
        .delete(signInChallenges)
        .where(or(lte(signInChallenges.expiresAt, now), eq(signInChallenges.userId, userId))),
      db.insert(signInChallenges).values({
        tokenHash: hash,
        userId,
        sessionVersion,
        provider,
        address,
        enrolSecretSealed,
        expiresAt,
      }),
    ],
    db,
  );
  return token;
}

/**
 * The second step a token stands for, with its person and their enrolment, while it counts: not
 * expired, not out of attempts, the person active and their session version unchanged since the
 * first factor (a deactivation, role change or forced sign-out voids it). Null otherwise.
 */
export async function findChallenge({ token, now, db = defaultDb }: { token: string; now: Date; db?: Db }) {
  const [row] = await db
    .select({
      tokenHash: signInChallenges.tokenHash,
      provider: signInChallenges.provider,
      address: signInChallenges.address,
      enrolSecretSealed: signInChallenges.enrolSecretSealed,
      attempts: signInChallenges.attempts,
      verifiedAt: signInChallenges.verifiedAt,
      expiresAt: signInChallenges.expiresAt,
      userId: users.id,
      employeeNo: users.employeeNo,
      name: users.name,
      role: users.role,
      branchId: users.branchId,
      locale: users.locale,
      sessionVersion: users.sessionVersion,
      secretSealed: secondFactors.secretSealed,
      lastStep: secondFactors.lastStep,
    })
    .from(signInChallenges)
    .innerJoin(users, eq(users.id, signInChallenges.userId))
    .leftJoin(secondFactors, eq(secondFactors.userId, users.id))
    .where(
      and(
        eq(signInChallenges.tokenHash, hashToken(token)),
        gt(signInChallenges.expiresAt, now),
        sql`${signInChallenges.attempts} < ${CHALLENGE_MAX_ATTEMPTS}`,
        eq(users.active, true),
        eq(users.sessionVersion, signInChallenges.sessionVersion),
      ),
    );
  return row ?? null;
}
export type Challenge = NonNullable<Awaited<ReturnType<typeof findChallenge>>>;

export async function cancelChallenge({ token, db = defaultDb }: { token: string; db?: Db }) {
  await writeBatch([db.delete(signInChallenges).where(eq(signInChallenges.tokenHash, hashToken(token)))], db);
}

/**
 * Ends a step that passed: deletes it, guarded so that it counts once, still unexpired and within
 * its attempts, and only when `proved` holds (the statement before it claimed a time step or a
 * recovery code, or the enrolment was verified); when it did, the person's count of wrong codes goes.
 */
function finishStatements(db: Db, tokenHash: string, userId: string, now: Date, proved: SQL) {
  return [
    db.run(sql`delete from ${signInChallenges} where token_hash = ${tokenHash} and ${proved}
      and expires_at > ${now.getTime()} and attempts < ${CHALLENGE_MAX_ATTEMPTS}`),
    db.run(sql`delete from ${loginThrottle} where employee_no = ${throttleKey(userId)} and changes() = 1`),
  ] as const;
}

/** Passes the step with a TOTP code of time step `step`: only a step later than the last one accepted. */
export async function passWithTotp({
  tokenHash,
  userId,
  step,
  now,
  db = defaultDb,
}: {
  tokenHash: string;
  userId: string;
  step: number;
  now: Date;
  db?: Db;
}): Promise<boolean> {
  const [, finished] = await writeBatch(
    [
      db
        .update(secondFactors)
        .set({ lastStep: step })
        .where(and(eq(secondFactors.userId, userId), sql`${secondFactors.lastStep} < ${step}`)),
      ...finishStatements(db, tokenHash, userId, now, sql`changes() = 1`),
    ],
    db,
  );
  return rowsAffected(finished) === 1;
}

/** Passes the step with a recovery code (its keyed hash), which is then used up. */
export async function passWithRecoveryCode({
  tokenHash,
  userId,
  codeHash,
  now,
  db = defaultDb,
}: {
  tokenHash: string;
  userId: string;
  codeHash: string;
  now: Date;
  db?: Db;
}): Promise<boolean> {
  const [, finished] = await writeBatch(
    [
      db
        .update(recoveryCodes)
        .set({ usedAt: now })
        .where(
          and(
            eq(recoveryCodes.codeHash, codeHash),
            eq(recoveryCodes.userId, userId),
            isNull(recoveryCodes.usedAt),
          ),
        ),
      ...finishStatements(db, tokenHash, userId, now, sql`changes() = 1`),
    ],
    db,
  );
  return rowsAffected(finished) === 1;
}

/** Passes a step whose enrolment was confirmed with a code a moment ago (`verifiedAt` set). */
export async function passVerified({
  tokenHash,
  userId,
  now,
  db = defaultDb,
}: {
  tokenHash: string;
  userId: string;
  now: Date;
  db?: Db;
}): Promise<boolean> {
  const [finished] = await writeBatch(
    [...finishStatements(db, tokenHash, userId, now, sql`verified_at is not null`)],
    db,
  );
  return rowsAffected(finished) === 1;
}

/**
 * Enrols the person of a step: their authenticator's secret (sealed), the time step of the code that
 * confirmed it, fresh recovery codes (keyed hashes) and the audit entry, in one batch; the step is
 * marked verified so the session can be issued. Refused (false) when they are already enrolled.
 */
export async function enrolSecondFactor({
  tokenHash,
  userId,
  secretSealed,
  step,
  recoveryCodeHashes,
  address,
  now,
  db = defaultDb,
}: {
  tokenHash: string;
  userId: string;
  secretSealed: string;
  step: number;
  recoveryCodeHashes: string[];
  address: string | null;
  now: Date;
  db?: Db;
}): Promise<boolean> {
  const verified = sql`exists (select 1 from ${signInChallenges} where token_hash = ${tokenHash} and verified_at = ${now.getTime()})`;
  const [, marked] = await writeBatch(
    [
      db
        .insert(secondFactors)
        .values({ userId, secretSealed, enrolledAt: now, lastStep: step })
        .onConflictDoNothing(),
      db.run(sql`update ${signInChallenges} set verified_at = ${now.getTime()}
        where token_hash = ${tokenHash} and user_id = ${userId} and verified_at is null and changes() = 1`),
      db.run(sql`delete from ${recoveryCodes} where user_id = ${userId} and ${verified}`),
      db.run(sql`insert into ${recoveryCodes} (code_hash, user_id)
        select value, ${userId} from json_each(${JSON.stringify(recoveryCodeHashes)}) where ${verified}`),
      db.run(sql`insert into ${auditLog} (id, actor_id, actor_address, action, target_type, target_id, after)
        select ${crypto.randomUUID()}, id, ${address}, 'auth.second_factor_enrolled', 'user', id,
          json_object('employeeNo', employee_no, 'recoveryCodes', ${recoveryCodeHashes.length})
        from ${users} where id = ${userId} and ${verified}`),
    ],
    db,
  );
  return rowsAffected(marked) === 1;
}

export async function getSecondFactorThrottle({
  userId,
  now,
  db = defaultDb,
}: {
  userId: string;
  now: number;
  db?: Db;
}): Promise<ThrottleDecision> {
  const state = await db.query.loginThrottle.findFirst({
    where: eq(loginThrottle.employeeNo, throttleKey(userId)),
  });
  return checkThrottle(state, now);
}

/**
 * A wrong code: the step uses up one of its attempts, the person's count of wrong codes goes up
 * (five in 15 minutes lock the second step for 15 minutes, as passwords do), and the audit log
 * records it as someone not signed in, from their address, for that account. Guarded like
 * recordLoginFailure: a count that lost a race is read again and retried.
 */
export async function recordSecondFactorFailure({
  tokenHash,
  userId,
  address,
  now,
  db = defaultDb,
}: {
  tokenHash: string;
  userId: string;
  address: string | null;
  now: number;
  db?: Db;
}): Promise<ThrottleState | undefined> {
  const key = throttleKey(userId);
  for (let attempt = 0; attempt < 5; attempt++) {
    const state = await db.query.loginThrottle.findFirst({ where: eq(loginThrottle.employeeNo, key) });
    const next = recordFailure(state, now);
    const counted = state
      ? db
          .update(loginThrottle)
          .set(next)
          .where(
            and(
              eq(loginThrottle.employeeNo, key),
              eq(loginThrottle.failures, state.failures),
              eq(loginThrottle.windowStartedAt, state.windowStartedAt),
            ),
          )
      : db
          .insert(loginThrottle)
          .values({ employeeNo: key, ...next })
          .onConflictDoNothing();
    const action = next.lockedUntil ? "auth.second_factor_lockout" : "auth.second_factor_failed";
    const after = JSON.stringify({
      failures: next.failures,
      ...(next.lockedUntil ? { lockedUntil: new Date(next.lockedUntil).toISOString() } : {}),
    });
    const [written] = await writeBatch(
      [
        counted,
        db.run(sql`insert into ${auditLog} (id, actor_id, actor_address, action, target_type, target_id, before, after)
          select ${crypto.randomUUID()}, null, ${address}, ${action}, 'user', id,
            json_object('employeeNo', employee_no), ${after}
          from ${users} where id = ${userId} and changes() = 1`),
        db.run(sql`update ${signInChallenges} set attempts = attempts + 1 where token_hash = ${tokenHash}
          and exists (select 1 from ${loginThrottle} where employee_no = ${key}
            and failures = ${next.failures} and window_started_at = ${next.windowStartedAt})`),
      ],
      db,
    );
    if (rowsAffected(written) === 1) return next;
  }
  return undefined;
}

/**
 * An admin's reset of a person's second factor (a lost phone): the authenticator, its recovery
 * codes and any open step go, every session ends, and the person enrols again at their next sign-in.
 * Audited in the same batch. False when they were not enrolled.
 */
export async function resetSecondFactor({
  actorId,
  userId,
  db = defaultDb,
}: {
  actorId: string;
  userId: string;
  db?: Db;
}): Promise<boolean> {
  const [removed] = await writeBatch(
    [
      db.delete(secondFactors).where(eq(secondFactors.userId, userId)),
      db.run(sql`insert into ${auditLog} (id, actor_id, action, target_type, target_id, before)
        select ${crypto.randomUUID()}, ${actorId}, 'user.second_factor_reset', 'user', id,
          json_object('employeeNo', employee_no)
        from ${users} where id = ${userId} and changes() = 1`),
      db.run(
        sql`update ${users} set session_version = session_version + 1 where id = ${userId} and changes() = 1`,
      ),
      db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)),
      db.delete(signInChallenges).where(eq(signInChallenges.userId, userId)),
    ],
    db,
  );
  return rowsAffected(removed) === 1;
}
