import "server-only";
import { eq, inArray, or } from "drizzle-orm";
import { type AuditNames, type AuditRefs, emptyNames } from "../../lib/audit/display";
import { type Db, db as defaultDb } from "../client";
import { branches, certificates, scenarioAttempts, users } from "../schema";

const none = ["\u0000"];
const list = (s: Set<string>) => (s.size > 0 ? [...s] : none);

/**
 * The names one page of audit entries mentions (people, branches, certificates, role-play
 * attempts), in one round trip: a batch of four reads, each limited to the ids on the page.
 */
export async function auditNames({
  refs,
  db = defaultDb,
}: {
  refs: AuditRefs;
  db?: Db;
}): Promise<AuditNames> {
  const names = emptyNames();
  const nothing = Object.values(refs).every((s) => s.size === 0);
  if (nothing) return names;
  const [people, places, certs, attempts] = await db.batch([
    db
      .select({ id: users.id, name: users.name, employeeNo: users.employeeNo })
      .from(users)
      .where(or(inArray(users.id, list(refs.userIds)), inArray(users.employeeNo, list(refs.employeeNos)))),
    db
      .select({ id: branches.id, code: branches.code, name: branches.name, nameEn: branches.nameEn })
      .from(branches)
      .where(or(inArray(branches.id, list(refs.branchKeys)), inArray(branches.code, list(refs.branchKeys)))),
    db
      .select({
        id: certificates.id,
        code: certificates.code,
        certificationId: certificates.certificationId,
        holder: users.name,
        employeeNo: users.employeeNo,
      })
      .from(certificates)
      .innerJoin(users, eq(users.id, certificates.userId))
      .where(inArray(certificates.id, list(refs.certificateIds))),
    db
      .select({
        id: scenarioAttempts.id,
        scenarioSlug: scenarioAttempts.scenarioSlug,
        holder: users.name,
        employeeNo: users.employeeNo,
      })
      .from(scenarioAttempts)
      .innerJoin(users, eq(users.id, scenarioAttempts.userId))
      .where(inArray(scenarioAttempts.id, list(refs.attemptIds))),
  ]);
  for (const p of people) {
    names.users.set(p.id, p);
    names.users.set(p.employeeNo, p);
  }
  for (const b of places) {
    names.branches.set(b.id, b);
    names.branches.set(b.code, b);
  }
  for (const c of certs) names.certificates.set(c.id, c);
  for (const a of attempts) names.attempts.set(a.id, a);
  return names;
}
