import "server-only";
import { eq, or } from "drizzle-orm";
import type { Locale } from "../../lib/i18n/locales";
import { type Db, db as defaultDb } from "../client";
import { branches, users } from "../schema";
import { writeBatch } from "../write";
import { personColumns } from "./columns";

export async function findUserByEmployeeNo({ employeeNo, db = defaultDb }: { employeeNo: string; db?: Db }) {
  return db.query.users.findFirst({ where: eq(users.employeeNo, employeeNo) });
}

/** OIDC identities match an existing account by email or employee number; nobody is created on the fly. */
export async function findUserForSso({
  email,
  employeeNo,
  db = defaultDb,
}: {
  email?: string;
  employeeNo?: string;
  db?: Db;
}) {
  const conditions = [
    email ? eq(users.email, email.toLowerCase()) : undefined,
    employeeNo ? eq(users.employeeNo, employeeNo) : undefined,
  ].filter((c) => c !== undefined);
  if (conditions.length === 0) return undefined;
  return db.query.users.findFirst({ where: or(...conditions) });
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
