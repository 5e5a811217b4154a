// What the app may assume of a libSQL server, checked (README "Scaling out: sqld or Turso").
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, openClient } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { branches, users } from "@/db/schema";
import { writeBatch } from "@/db/write";
import { type HranaServer, startHranaServer } from "@/tests/hrana/server";

const dir = mkdtempSync(path.join(tmpdir(), "remote-assumptions-"));
let hrana: HranaServer;

beforeAll(async () => {
  // Foreign keys off on the server's connections, as a server may have them.
  hrana = await startHranaServer({ dir, foreignKeys: false });
});
afterAll(async () => {
  await hrana.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the schema", () => {
  it("writes rows from triggers only into the report totals, and has no foreign-key action that writes rows", async () => {
    const url = `file:${path.join(dir, "schema.db")}`;
    const client = openClient(url);
    await runMigrations(createDb(client), url);
    const triggers = await client.execute("select name, sql from sqlite_master where type = 'trigger'");
    expect(triggers.rows.length).toBeGreaterThan(0);
    // A server's rowsAffected may count rows written by triggers. The append-only guards write
    // nothing; the report totals' triggers (0010_report_deltas) write only branch_report_delta and
    // branch_report_stats, so code that reads rowsAffected of a statement on learner_item_stats,
    // assignments or users tests it for zero or not (admin-users.ts), or reads SQLite's changes()
    // in the batch instead (assignments.ts).
    const writes = (body: string) =>
      [...body.matchAll(/\b(?:INSERT\s+INTO|DELETE\s+FROM|(?<!DO\s+)UPDATE)\s+`?(\w+)`?/gi)].map((m) => m[1]);
    for (const t of triggers.rows) {
      const body = String(t.sql);
      if (/BEGIN\s+SELECT\s+RAISE\(ABORT, '[^']+'\);\s*END$/.test(body)) continue;
      const target = /\bON\s+`?(\w+)`?/i.exec(body)?.[1] ?? "";
      const written = writes(body.slice(body.search(/\bBEGIN\b/)));
      expect(written.length, String(t.name)).toBeGreaterThan(0);
      for (const table of written)
        expect(["branch_report_delta", "branch_report_stats"], `${t.name} on ${target}`).toContain(table);
    }
    const tables = await client.execute("select name from sqlite_master where type = 'table'");
    for (const { name } of tables.rows) {
      const keys = await client.execute(`select * from pragma_foreign_key_list('${name}')`);
      for (const k of keys.rows)
        expect([k.on_delete, k.on_update], `${name}.${k.from}`).toEqual(["NO ACTION", "NO ACTION"]);
    }
    client.close();
  });
});

describe("the app's client for a libSQL server", () => {
  it("has foreign keys on in every stream, though each stream is a new connection", async () => {
    const client = openClient(`${hrana.url}/fk/`);
    for (let i = 0; i < 3; i++) {
      expect((await client.execute("pragma foreign_keys")).rows[0]?.foreign_keys).toBe(1);
    }
    const db = createDb(client);
    await runMigrations(db, `${hrana.url}/fk/`);
    await db.insert(branches).values({ id: "b1", code: "B1", name: "总行", nameEn: "HQ", path: "/b1/" });
    await expect(
      writeBatch(
        [
          db
            .insert(users)
            .values({ employeeNo: "E1", name: "无网点", branchId: "nowhere", hireDate: "2026-01-01" }),
        ],
        db,
      ),
    ).rejects.toMatchObject({ code: "conflict:write" });
    client.close();
  });

  it("keeps a PRAGMA only for the stream that set it (the reason the client sets foreign_keys per stream)", async () => {
    const client = openClient(`${hrana.url}/pragma/`);
    await client.execute("pragma recursive_triggers = on");
    expect((await client.execute("pragma recursive_triggers")).rows[0]?.recursive_triggers).toBe(0);
    client.close();
  });
});
