import "server-only";
import { eq } from "drizzle-orm";
import { canonicalEmployeeNo } from "../../lib/auth/employee-no";
import { matchSsoUser, type SsoIdentity, type SsoRefusal } from "../../lib/auth/sso-match";
import { type Db, db as defaultDb } from "../client";
import { auditLog, users } from "../schema";
import { writeBatch } from "../write";

/**
 * Every session issued, whatever the provider: who, from where (the client's address), through which
 * provider (and which identity there), and how the second factor was passed when one was asked for.
 */
export async function recordSignIn({
  userId,
  provider,
  subject,
  secondFactor,
  address = null,
  db = defaultDb,
}: {
  userId: string;
  provider: string;
  subject?: string;
  secondFactor?: string | null;
  address?: string | null;
  db?: Db;
}) {
  await writeBatch(
    [
      db.insert(auditLog).values({
        actorId: userId,
        actorAddress: address,
        action: "auth.signin",
        targetType: "user",
        targetId: userId,
        after: {
          provider,
          ...(subject && subject !== userId ? { subject } : {}),
          ...(secondFactor ? { secondFactor } : {}),
        },
      }),
    ],
    db,
  );
}

export type SsoSignIn =
  | {
      status: "matched";
      user: Pick<
        typeof users.$inferSelect,
        "id" | "name" | "role" | "branchId" | "sessionVersion" | "locale"
      >;
    }
  | { status: SsoRefusal };

/**
 * The account a single sign-on identity belongs to (lib/auth/sso-match.ts decides), or the reason
 * it is refused; a refusal is audit-logged with what the provider said, for the administrator who
 * is asked why someone cannot get in.
 */
export async function resolveSsoSignIn({
  identity: sent,
  db = defaultDb,
}: {
  identity: SsoIdentity;
  db?: Db;
}): Promise<SsoSignIn> {
  // The provider's spelling of a staff number (" e1001 ") is the account's (E1001), as at sign-in.
  const identity = sent.employeeNo ? { ...sent, employeeNo: canonicalEmployeeNo(sent.employeeNo) } : sent;
  const by = identity.employeeNo
    ? eq(users.employeeNo, identity.employeeNo)
    : identity.email
      ? eq(users.email, identity.email)
      : undefined;
  const candidates = by
    ? await db
        .select({
          id: users.id,
          employeeNo: users.employeeNo,
          email: users.email,
          active: users.active,
          name: users.name,
          role: users.role,
          branchId: users.branchId,
          sessionVersion: users.sessionVersion,
          locale: users.locale,
        })
        .from(users)
        .where(by)
        .limit(5)
    : [];
  const match = matchSsoUser(identity, candidates);
  const user = candidates.find((c) => c.id === match.userId);
  if (match.status === "matched" && user) {
    const { id, name, role, branchId, sessionVersion, locale } = user;
    return { status: "matched", user: { id, name, role, branchId, sessionVersion, locale } };
  }

  const status = match.status === "matched" ? "unknown" : match.status;
  await writeBatch(
    [
      db.insert(auditLog).values({
        actorId: user?.id ?? null,
        action: "auth.sso_refused",
        targetType: "sso_identity",
        targetId: `${identity.provider}:${identity.subject}`,
        after: {
          provider: identity.provider,
          reason: status,
          ...(identity.employeeNo ? { employeeNo: identity.employeeNo } : {}),
          ...(identity.email ? { email: identity.email } : {}),
        },
      }),
    ],
    db,
  );
  return { status };
}
