import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { canonicalEmployeeNo } from "../../lib/auth/employee-no";
import type { Locale } from "../../lib/i18n/locales";
import { type Db, db as defaultDb } from "../client";
import { branches, users } from "../schema";
import { writeBatch } from "../write";
import { personColumns } from "./columns";

/** The person with this employee number, in any spelling of it (see canonicalEmployeeNo). */
export async function findUserByEmployeeNo({ employeeNo, db = defaultDb }: { employeeNo: string; db?: Db }) {
  return db.query.users.findFirst({ where: eq(users.employeeNo, canonicalEmployeeNo(employeeNo)) });
}

/** When a person's password was last set (their account's creation when never recorded). */
export async function getPasswordChangedAt({ id, db = defaultDb }: { id: string; db?: Db }) {
  const user = await db.query.users.findFirst({
    where: eq(users.id, id),
    columns: { passwordChangedAt: true, createdAt: true },
  });
  return user ? (user.passwordChangedAt ?? user.createdAt) : null;
}

/** A person's employee number (who a learning record's xAPI statements are about), by id. */
export async function employeeNoOf({ userId, db = defaultDb }: { userId: string; db?: Db }) {
  const [row] = await db.select({ employeeNo: users.employeeNo }).from(users).where(eq(users.id, userId));
  return row?.employeeNo ?? userId;
}

/** The signed-in user with their branch, as every server entry point needs them. */
export async function getSessionUser({ id, db = defaultDb }: { id: string; db?: Db }) {
  const [row] = await db
    .select({
      ...personColumns,
      locale: users.locale,
      sessionVersion: users.sessionVersion,
      branchPath: branches.path,
    })
    .from(users)
    .innerJoin(branches, eq(branches.id, users.branchId))
    .where(eq(users.id, id))
    .limit(1);
  return row;
}
export type SessionUser = NonNullable<Awaited<ReturnType<typeof getSessionUser>>>;

export async function setUserLocale({
  userId,
  locale,
  db = defaultDb,
}: {
  userId: string;
  locale: Locale;
  db?: Db;
}) {
  await writeBatch([db.update(users).set({ locale }).where(eq(users.id, userId))], db);
}

/**
 * Ends the session a user signs out of, at once: the version it carries is bumped, so that token
 * and every other one issued before stop counting on the next request (getCurrentUser, the proxy).
 * Guarded by the version, so replaying a token already ended changes nothing.
 */
export async function endSession({
  userId,
  sessionVersion,
  db = defaultDb,
}: {
  userId: string;
  sessionVersion: number;
  db?: Db;
}) {
  await writeBatch(
    [
      db
        .update(users)
        .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(and(eq(users.id, userId), eq(users.sessionVersion, sessionVersion))),
    ],
    db,
  );
}
