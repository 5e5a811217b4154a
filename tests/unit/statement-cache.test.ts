import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cachePreparedStatements } from "@/db/statement-cache";

type Statement = {
  raw(on?: boolean): Statement;
  safeIntegers(on?: boolean): Statement;
  columns(): { name: string }[];
  all(...args: unknown[]): unknown[];
  run(...args: unknown[]): { changes: number };
};
type Native = { prepare(sql: string): Statement; exec(sql: string): void; close(): void };
const Database = createRequire(import.meta.url)("libsql") as new (file: string) => Native;

cachePreparedStatements();
const dir = mkdtempSync(path.join(tmpdir(), "statement-cache-"));
const db = new Database(path.join(dir, "t.db"));
db.exec("create table t (id integer primary key, name text)");
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What @libsql/client does with a statement before every run (sqlite3.js executeStmt). */
function execute(sql: string, args: unknown[]) {
  const statement = db.prepare(sql);
  statement.safeIntegers(true);
  try {
    statement.raw(true);
  } catch {
    return { changes: statement.run(args).changes };
  }
  return { columns: statement.columns().map((c) => c.name), rows: statement.all(args) };
}

describe("a kept statement", () => {
  it("is the same statement for the same SQL, and runs with new arguments each time", () => {
    expect(db.prepare("select 1")).toBe(db.prepare("select 1"));
    for (const [id, name] of [
      [1, "甲"],
      [2, "乙"],
    ])
      expect(execute("insert into t (id, name) values (?, ?)", [id, name])).toEqual({ changes: 1 });
    expect(execute("select id, name from t where id >= ? order by id", [1])).toEqual({
      columns: ["id", "name"],
      rows: [
        [1n, "甲"],
        [2n, "乙"],
      ],
    });
    expect(execute("select id, name from t where id >= ? order by id", [2]).rows).toEqual([[2n, "乙"]]);
  });

  it("remembers its columns, and that it returns no rows, instead of asking the driver again", () => {
    const select = db.prepare("select name from t");
    expect(select.columns()).toBe(select.columns());
    const insert = db.prepare("insert into t (name) values (?)");
    let first: unknown;
    let second: unknown;
    try {
      insert.raw(true);
    } catch (e) {
      first = e;
    }
    try {
      insert.raw(true);
    } catch (e) {
      second = e;
    }
    expect(first).toBeInstanceOf(Error);
    expect(second).toBe(first);
    // Turning raw mode off still reaches the driver: rows come back as objects again.
    const off = db.prepare("select id from t where id = 1");
    off.raw(true);
    expect(off.all()).toEqual([[1]]);
    off.raw(false);
    expect(off.all()).toEqual([{ id: 1 }]);
  });
});
