import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, openClient } from "@/db/client";
import { runMigrations } from "@/db/migrate";

const MIGRATIONS = path.join(import.meta.dirname, "../../db/migrations");
const TRIGGERS = [
  "audit_log_no_delete",
  "audit_log_no_update",
  "content_revisions_no_delete",
  "content_revisions_no_update",
];
const dir = mkdtempSync(path.join(tmpdir(), "migrations-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function freshDb(name: string) {
  const url = `file:${path.join(dir, `${name}.db`)}`;
  return { url, db: createDb(openClient(url)) };
}

async function triggers(db: ReturnType<typeof freshDb>["db"]) {
  const rows = await db.$client.execute(
    "select name from sqlite_master where type = 'trigger' order by name",
  );
  return rows.rows.map((r) => String(r.name));
}

describe("migrations", () => {
  it("give a fresh database the append-only triggers from the custom migration", async () => {
    const { db, url } = freshDb("fresh");
    await runMigrations(db, url);
    expect(await triggers(db)).toEqual(TRIGGERS);
    await runMigrations(db, url);
    expect(await triggers(db)).toEqual(TRIGGERS);
  });

  it("migrate a database from before the custom migration, whose triggers came with 0003 and 0004", async () => {
    // The migration history as it stood: 0000–0004, with the triggers appended to 0003 and 0004.
    const old = path.join(dir, "old-migrations");
    cpSync(MIGRATIONS, old, { recursive: true });
    const journalPath = path.join(old, "meta/_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8"));
    journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < "0005");
    writeFileSync(journalPath, JSON.stringify(journal));
    const custom = readFileSync(path.join(MIGRATIONS, "0005_append_only_triggers.sql"), "utf8");
    const statements = custom.split("\n").filter((l) => l.startsWith("CREATE TRIGGER"));
    const appended = (file: string, table: string) =>
      writeFileSync(
        path.join(old, file),
        `${readFileSync(path.join(old, file), "utf8")}--> statement-breakpoint\n${statements
          .filter((s) => s.includes(`ON \`${table}\``))
          .map((s) => s.replace(" IF NOT EXISTS", "").replace("--> statement-breakpoint", ""))
          .join("--> statement-breakpoint\n")}`,
      );
    appended("0003_admin_reports.sql", "audit_log");
    appended("0004_content_revisions.sql", "content_revisions");

    const { db, url } = freshDb("before");
    await migrate(db, { migrationsFolder: old });
    expect(await triggers(db)).toEqual(TRIGGERS);
    await runMigrations(db, url);
    expect(await triggers(db)).toEqual(TRIGGERS);
    await db.$client.execute("insert into audit_log (id, action, target_type) values ('a1', 'test', 'test')");
    await expect(db.$client.execute("delete from audit_log")).rejects.toThrow(/append-only/);
  });
});
