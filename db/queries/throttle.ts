import "server-only";
import { and, eq, sql } from "drizzle-orm";
import {
  ADDRESS_LIMIT,
  checkThrottle,
  recordFailure,
  type ThrottleDecision,
  type ThrottleState,
} from "../../lib/auth/throttle";
import { type Db, db as defaultDb } from "../client";
import { auditLog, loginThrottle } from "../schema";
import { rowsAffected, writeBatch } from "../write";
import { hitRateLimit, refundRateLimit } from "./rate-limit";

export async function getThrottleDecision({
  employeeNo,
  now,
  db = defaultDb,
}: {
  employeeNo: string;
  now: number;
  db?: Db;
}): Promise<ThrottleDecision> {
  const state = await db.query.loginThrottle.findFirst({ where: eq(loginThrottle.employeeNo, employeeNo) });
  return checkThrottle(state, now);
}

/**
 * The audit entry of a failed sign-in (and of the lockout it causes), for the statement right after
 * the guarded throttle write: written only when that write changed the row (a failure that lost a
 * race is retried, and audited then) and the row holds the state this failure computed. Nobody
 * signed in: the actor is anonymous, from the client's address, and the account is the target.
 */
function auditFailure(db: Db, employeeNo: string, next: ThrottleState, address: string | null) {
  const counted = sql`exists (select 1 from ${loginThrottle} where employee_no = ${employeeNo}
    and failures = ${next.failures} and window_started_at = ${next.windowStartedAt})`;
  const action = next.lockedUntil ? "auth.lockout" : "auth.signin_failed";
  const after = JSON.stringify({
    failures: next.failures,
    ...(next.lockedUntil ? { lockedUntil: new Date(next.lockedUntil).toISOString() } : {}),
  });
  return db.run(sql`insert into ${auditLog} (id, actor_id, actor_address, action, target_type, target_id, after)
    select ${crypto.randomUUID()}, null, ${address}, ${action}, 'employee_no', ${employeeNo}, ${after}
    where changes() = 1 and ${counted}`);
}

/**
 * Records a failed sign-in, with its audit entry in the same batch. The update is guarded by the state it was computed from, so two
 * concurrent failures cannot both count as one; on a lost race it re-reads and tries again.
 */
export async function recordLoginFailure({
  employeeNo,
  now,
  address = null,
  db = defaultDb,
}: {
  employeeNo: string;
  now: number;
  /** The client's address (lib/http/client-ip.ts), for the audit entry. */
  address?: string | null;
  db?: Db;
}) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const state = await db.query.loginThrottle.findFirst({ where: eq(loginThrottle.employeeNo, employeeNo) });
    const next = recordFailure(state, now);
    if (!state) {
      const [inserted] = await writeBatch(
        [
          db
            .insert(loginThrottle)
            .values({ employeeNo, ...next })
            .onConflictDoNothing(),
          auditFailure(db, employeeNo, next, address),
        ],
        db,
      );
      if (rowsAffected(inserted) === 1) return next;
      continue;
    }
    const [updated] = await writeBatch(
      [
        db
          .update(loginThrottle)
          .set(next)
          .where(
            and(
              eq(loginThrottle.employeeNo, employeeNo),
              eq(loginThrottle.failures, state.failures),
              eq(loginThrottle.windowStartedAt, state.windowStartedAt),
            ),
          ),
        auditFailure(db, employeeNo, next, address),
      ],
      db,
    );
    if (rowsAffected(updated) === 1) return next;
  }
  return undefined;
}

export async function clearLoginFailures({ employeeNo, db = defaultDb }: { employeeNo: string; db?: Db }) {
  await writeBatch([db.delete(loginThrottle).where(eq(loginThrottle.employeeNo, sql`${employeeNo}`))], db);
}

const addressKey = (address: string) => `signin:${address}`;

/**
 * Counts a sign-in attempt from a client address before its password is checked, and says whether
 * the address may still try (ADDRESS_LIMIT). Counting first means concurrent attempts cannot all
 * slip under the limit; a sign-in that succeeds gives its count back (`succeededFromAddress`), so
 * only failures use the address's allowance.
 */
export async function claimAddressAttempt({
  address,
  now,
  db = defaultDb,
}: {
  address: string;
  now: number;
  db?: Db;
}): Promise<boolean> {
  return (await hitRateLimit({ key: addressKey(address), ...ADDRESS_LIMIT, now, db })).allowed;
}

export async function succeededFromAddress({
  address,
  now,
  db = defaultDb,
}: {
  address: string;
  now: number;
  db?: Db;
}) {
  await refundRateLimit({ key: addressKey(address), windowMs: ADDRESS_LIMIT.windowMs, now, db });
}
