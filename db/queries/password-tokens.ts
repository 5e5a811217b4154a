import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import {
  hashToken,
  newOneTimeToken,
  PASSWORD_TOKEN_TTL_MS,
  RENEWAL_TOKEN_TTL_MS,
} from "../../lib/auth/one-time-token";
import { type Db, db as defaultDb } from "../client";
import { auditLog, loginThrottle, passwordTokens, users } from "../schema";
import { rowsAffected, writeBatch } from "../write";

/**
 * An administrator's password reset: the old password stops working, every session ends, earlier
 * links are void, and a new one-time link is returned (shown once, never stored in clear).
 */
export async function issuePasswordReset({
  userId,
  actorId,
  now = new Date(),
  db = defaultDb,
}: {
  userId: string;
  actorId: string;
  now?: Date;
  db?: Db;
}): Promise<{ token: string } | null> {
  const { token, hash } = newOneTimeToken();
  const expiresAt = new Date(now.getTime() + PASSWORD_TOKEN_TTL_MS);
  const [, , reset] = await writeBatch(
    [
      db
        .update(passwordTokens)
        .set({ expiresAt: now })
        .where(
          and(
            eq(passwordTokens.userId, userId),
            isNull(passwordTokens.usedAt),
            gt(passwordTokens.expiresAt, now),
          ),
        ),
      db.run(sql`insert into ${passwordTokens} (id, user_id, token_hash, purpose, created_by, expires_at)
        select ${crypto.randomUUID()}, id, ${hash}, 'reset', ${actorId}, ${Math.floor(expiresAt.getTime() / 1000)}
        from ${users} where id = ${userId} and active = 1`),
      db
        .update(users)
        .set({ passwordHash: null, sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(and(eq(users.id, userId), eq(users.active, true))),
      db.run(sql`insert into ${auditLog} (id, actor_id, action, target_type, target_id, before, after)
        select ${crypto.randomUUID()}, ${actorId}, 'user.password_reset', 'user', id,
          json_object('employeeNo', employee_no), json_object('employeeNo', employee_no, 'linkExpiresAt', ${expiresAt.toISOString()})
        from ${users} where id = ${userId} and changes() = 1`),
    ],
    db,
  );
  return rowsAffected(reset) === 1 ? { token } : null;
}

/**
 * At sign-in, for a password past PASSWORD_MAX_AGE_DAYS: a short-lived link to set a new one, handed
 * to the person who has just proved the old one (they are redirected to it; no session is issued).
 */
export async function issuePasswordRenewal({
  userId,
  now = new Date(),
  db = defaultDb,
}: {
  userId: string;
  now?: Date;
  db?: Db;
}): Promise<string> {
  const { token, hash } = newOneTimeToken();
  await writeBatch(
    [
      db.insert(passwordTokens).values({
        userId,
        tokenHash: hash,
        purpose: "expired",
        expiresAt: new Date(now.getTime() + RENEWAL_TOKEN_TTL_MS),
      }),
    ],
    db,
  );
  return token;
}

/** Who a set-password link is for, while it is unused and unexpired; null otherwise. */
export async function findPasswordToken({
  token,
  now = new Date(),
  db = defaultDb,
}: {
  token: string;
  now?: Date;
  db?: Db;
}) {
  const [row] = await db
    .select({
      purpose: passwordTokens.purpose,
      employeeNo: users.employeeNo,
      name: users.name,
      /** The password being replaced (an expired one), so the new one can be refused when it is the same. */
      currentHash: users.passwordHash,
    })
    .from(passwordTokens)
    .innerJoin(users, eq(users.id, passwordTokens.userId))
    .where(
      and(
        eq(passwordTokens.tokenHash, hashToken(token)),
        isNull(passwordTokens.usedAt),
        gt(passwordTokens.expiresAt, now),
        eq(users.active, true),
      ),
    );
  return row ?? null;
}

/**
 * Sets the password with a one-time link. The link is claimed first, and the password written only
 * when that claim changed a row, so a link used twice at once sets one password. Earlier sessions
 * end and any sign-in lockout is lifted.
 */
export async function consumePasswordToken({
  token,
  passwordHash,
  now = new Date(),
  db = defaultDb,
}: {
  token: string;
  passwordHash: string;
  now?: Date;
  db?: Db;
}): Promise<boolean> {
  const hash = hashToken(token);
  const seconds = Math.floor(now.getTime() / 1000);
  const owner = sql`(select user_id from ${passwordTokens} where token_hash = ${hash})`;
  const [claim] = await writeBatch(
    [
      db.run(sql`update ${passwordTokens} set used_at = ${seconds}
        where token_hash = ${hash} and used_at is null and expires_at > ${seconds}
          and exists (select 1 from ${users} where id = ${owner} and active = 1)`),
      db.run(sql`update ${users} set password_hash = ${passwordHash}, password_changed_at = ${seconds},
          session_version = session_version + 1
        where id = ${owner} and changes() = 1`),
      db.run(sql`insert into ${auditLog} (id, actor_id, action, target_type, target_id, after)
        select ${crypto.randomUUID()}, u.id, 'user.password_set', 'user', u.id,
          json_object('employeeNo', u.employee_no, 'via', t.purpose)
        from ${passwordTokens} t join ${users} u on u.id = t.user_id
        where t.token_hash = ${hash} and t.used_at = ${seconds} and changes() = 1`),
      db
        .delete(loginThrottle)
        .where(sql`${loginThrottle.employeeNo} = (select employee_no from ${users} where id = ${owner})
        and exists (select 1 from ${passwordTokens} where token_hash = ${hash} and used_at = ${seconds})`),
    ],
    db,
  );
  return rowsAffected(claim) === 1;
}
