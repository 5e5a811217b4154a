import "server-only";
import { eq, sql } from "drizzle-orm";
import { MANAGERS_NEED_SECOND_FACTOR } from "../../lib/auth/second-factor-policy";
import { type Db, db as defaultDb } from "../client";
import { appSettings, auditLog } from "../schema";
import { writeBatch } from "../write";

/** The security settings admins change in the app, with their values when never set. */
export type SecuritySettings = { managersRequired: boolean };

export async function getSecuritySettings({ db = defaultDb }: { db?: Db } = {}): Promise<SecuritySettings> {
  const row = await db.query.appSettings.findFirst({
    where: eq(appSettings.key, MANAGERS_NEED_SECOND_FACTOR),
  });
  return { managersRequired: row?.value === true };
}

/**
 * Whether managers must sign in with a second factor. Applies from each manager's next sign-in.
 * The change and its audit entry are one batch; setting the value it already has writes nothing.
 */
export async function setManagersNeedSecondFactor({
  required,
  actorId,
  db = defaultDb,
}: {
  required: boolean;
  actorId: string;
  db?: Db;
}): Promise<"updated" | "unchanged"> {
  const before = (await getSecuritySettings({ db })).managersRequired;
  if (before === required) return "unchanged";
  const value = JSON.stringify(required);
  await writeBatch(
    [
      db.run(sql`insert into ${appSettings} (key, value, updated_at, updated_by)
        values (${MANAGERS_NEED_SECOND_FACTOR}, ${value}, unixepoch(), ${actorId})
        on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at,
          updated_by = excluded.updated_by`),
      db.insert(auditLog).values({
        actorId,
        action: "settings.update",
        targetType: "setting",
        targetId: MANAGERS_NEED_SECOND_FACTOR,
        before: { value: before },
        after: { value: required },
      }),
    ],
    db,
  );
  return "updated";
}
