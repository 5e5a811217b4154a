import "server-only";
import { sql } from "drizzle-orm";
import { type Db, db as defaultDb } from "../client";

/** One cheap query that needs the database and its migrations table: the readiness probe. */
export async function pingDatabase({ db = defaultDb }: { db?: Db } = {}): Promise<void> {
  await db.run(sql`select count(*) from __drizzle_migrations`);
}
