import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { checkDatabase } from "@/db/check";
import { createDb, openClient } from "@/db/client";
import { runMigrations } from "@/db/migrate";

const MIGRATIONS = path.join(import.meta.dirname, "../../db/migrations");
const TRIGGERS = [
  "audit_archive_permits_fresh",
  "audit_archives_keep_180_days",
  "audit_archives_no_delete",
  "audit_archives_no_update",
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
    // The guards; the report totals' triggers (0010_report_deltas) have their own tests.
    `select name from sqlite_master where type = 'trigger'
      and tbl_name not in ('learner_item_stats', 'assignments', 'users', 'branch_report_delta') order by name`,
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
    expect(await triggers(db)).toEqual(
      TRIGGERS.filter((t) => t.startsWith("audit_log") || t.startsWith("content")),
    );
    await runMigrations(db, url);
    expect(await triggers(db)).toEqual(TRIGGERS);
    await db.$client.execute("insert into audit_log (id, action, target_type) values ('a1', 'test', 'test')");
    await expect(db.$client.execute("delete from audit_log")).rejects.toThrow(/append-only/);
  });

  it("fold employee numbers into their canonical form, and leave a case-only duplicate for db:check to report", async () => {
    // The history before the canonical form: everything before 0007.
    const old = path.join(dir, "before-canonical");
    cpSync(MIGRATIONS, old, { recursive: true });
    const journalPath = path.join(old, "meta/_journal.json");
    const journal = JSON.parse(readFileSync(journalPath, "utf8"));
    journal.entries = journal.entries.filter((e: { tag: string }) => e.tag < "0007");
    writeFileSync(journalPath, JSON.stringify(journal));
    const { db, url } = freshDb("canonical");
    await migrate(db, { migrationsFolder: old });
    await db.$client.executeMultiple(`
      insert into branches (id, code, name, name_en, path) values ('b1', 'B1', '总行', 'HQ', '/b1/');
      insert into users (id, employee_no, name, branch_id, hire_date) values
        ('u1', 'e1001', '甲', 'b1', '2026-01-01'),
        ('u2', 'E2002', '乙', 'b1', '2026-01-01'),
        ('u3', 'e2002', '丙', 'b1', '2026-01-01');
      insert into login_throttle (employee_no, failures, window_started_at) values ('e1001', 3, 0), ('E2002', 1, 0);
    `);
    await runMigrations(db, url);
    const numbers = await db.$client.execute("select id, employee_no from users order by id");
    expect(numbers.rows.map((r) => [r.id, r.employee_no])).toEqual([
      ["u1", "E1001"],
      ["u2", "E2002"],
      ["u3", "e2002"],
    ]);
    const throttled = await db.$client.execute("select employee_no from login_throttle");
    expect(throttled.rows.map((r) => r.employee_no)).toEqual(["E2002"]);
    const report = (await checkDatabase(db)).find((r) => r.check === "employee_numbers");
    expect(report).toMatchObject({ ok: false, detail: expect.stringContaining("e2002 (account u3)") });
  });
});
