import "server-only";
import { sql } from "drizzle-orm";
import { type Db, db as defaultDb } from "../client";
import { auditLog, users } from "../schema";
import { writeBatch } from "../write";

/** A session issued: who, from where, through which provider, and with which second factor if any. */
export async function recordSignIn({
  userId,
  provider,
  secondFactor,
  address,
  db = defaultDb,
}: {
  userId: string;
  provider: string;
  secondFactor: string | null;
  address: string | null;
  db?: Db;
}) {
  await writeBatch(
    [
      db.run(sql`insert into ${auditLog} (id, actor_id, actor_address, action, target_type, target_id, after)
        select ${crypto.randomUUID()}, id, ${address}, 'auth.signin', 'user', id,
          json_object('employeeNo', employee_no, 'via', ${provider}, 'secondFactor', ${secondFactor})
        from ${users} where id = ${userId}`),
    ],
    db,
  );
}
