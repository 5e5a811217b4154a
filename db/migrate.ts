import path from "node:path";
import { migrate } from "drizzle-orm/libsql/migrator";
import { env } from "../lib/env";
import { type Db, db as defaultDb, isFileUrl } from "./client";

export async function runMigrations(db: Db = defaultDb, url = env.DATABASE_URL) {
  if (isFileUrl(url)) await db.$client.execute("PRAGMA journal_mode = WAL");
  await migrate(db, { migrationsFolder: path.join(import.meta.dirname, "migrations") });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runMigrations();
  console.log(`Migrations applied to ${env.DATABASE_URL.replace(/\/\/.*@/, "//***@")}`);
  // First run: the shipped curriculum becomes revision 1 of each item; later runs change nothing.
  const { importContent } = await import("./queries/content-import");
  const { created } = await importContent();
  if (created > 0) console.log(`Imported ${created} modules and scenarios from content/`);
}
