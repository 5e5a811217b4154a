import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type HranaServer, STREAM_EXPIRY_MS, startHranaServer } from "@/tests/hrana/server";

const EXPIRY_MS = 400;
const dir = mkdtempSync(path.join(tmpdir(), "hrana-server-"));
let hrana: HranaServer;
let guarded: HranaServer;

beforeAll(async () => {
  hrana = await startHranaServer({ dir, streamExpiryMs: EXPIRY_MS });
  guarded = await startHranaServer({ dir: path.join(dir, "guarded"), authToken: "s3cret" });
});
afterAll(async () => {
  await hrana.close();
  await guarded.close();
  rmSync(dir, { recursive: true, force: true });
});

type Result =
  | { type: "ok"; response: Record<string, unknown> }
  | { type: "error"; error: { message: string } };
type Answer = { baton: string | null; base_url: string | null; results: Result[] };

/** One raw /v2/pipeline request. */
async function pipeline(requests: unknown[], baton?: string | null, namespace = "raw") {
  const response = await fetch(`${hrana.url}/${namespace}/v2/pipeline`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ baton: baton ?? null, requests }),
  });
  return { status: response.status, body: (await response.json()) as Answer };
}
const execute = (sql: string, args: unknown[] = []) => ({ type: "execute", stmt: { sql, args } });
const ok = (r: Result | undefined) => {
  if (r?.type !== "ok") throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.response as { type: string; result?: Record<string, unknown> };
};

describe("the Hrana 2 test server", () => {
  it("executes with every value type and gives back last_insert_rowid and affected rows", async () => {
    const { body } = await pipeline([
      execute("create table vals (i integer, f real, t text, b blob, n)"),
      execute("insert into vals values (?, ?, ?, ?, ?)", [
        { type: "integer", value: "9007199254740993" },
        { type: "float", value: 1.25 },
        { type: "text", value: "柜面" },
        { type: "blob", base64: Buffer.from([0, 255]).toString("base64") },
        { type: "null" },
      ]),
      execute("select * from vals"),
      { type: "close" },
    ]);
    expect(ok(body.results[1]).result).toMatchObject({ affected_row_count: 1, last_insert_rowid: "1" });
    expect(ok(body.results[2]).result).toMatchObject({
      cols: [
        { name: "i", decltype: "INTEGER" },
        { name: "f", decltype: "REAL" },
        { name: "t", decltype: "TEXT" },
        { name: "b", decltype: "BLOB" },
        { name: "n", decltype: null },
      ],
      rows: [
        [
          { type: "integer", value: "9007199254740993" },
          { type: "float", value: 1.25 },
          { type: "text", value: "柜面" },
          { type: "blob", base64: "AP8=" },
          { type: "null" },
        ],
      ],
    });
    expect(body.baton).toBeNull();
  });

  it("evaluates batch conditions: ok, error, not, and, or, is_autocommit", async () => {
    const stmt = (sql: string) => ({ sql });
    const { body } = await pipeline([
      {
        type: "batch",
        batch: {
          steps: [
            { stmt: stmt("select 1") },
            { stmt: stmt("select * from no_such_table") },
            { condition: { type: "ok", step: 0 }, stmt: stmt("select 'ran after ok'") },
            { condition: { type: "ok", step: 1 }, stmt: stmt("select 'skipped'") },
            { condition: { type: "error", step: 1 }, stmt: stmt("select 'ran after error'") },
            { condition: { type: "not", cond: { type: "ok", step: 3 } }, stmt: stmt("select 'not'") },
            {
              condition: {
                type: "and",
                conds: [
                  { type: "ok", step: 0 },
                  { type: "error", step: 0 },
                ],
              },
              stmt: stmt("select 'and'"),
            },
            {
              condition: {
                type: "or",
                conds: [
                  { type: "ok", step: 3 },
                  { type: "error", step: 1 },
                ],
              },
              stmt: stmt("select 'or'"),
            },
            { condition: { type: "is_autocommit" }, stmt: stmt("select 'autocommit'") },
          ],
        },
      },
      { type: "close" },
    ]);
    const result = ok(body.results[0]).result as { step_results: unknown[]; step_errors: unknown[] };
    const ran = result.step_results.map((r) => r !== null);
    expect(ran).toEqual([true, false, true, false, true, true, false, true, true]);
    expect(result.step_errors[1]).toMatchObject({ message: expect.stringContaining("no such table") });
    expect(result.step_errors.filter(Boolean)).toHaveLength(1);
  });

  it("stores SQL texts per stream until close_sql, and runs a sequence", async () => {
    const first = await pipeline([
      {
        type: "sequence",
        sql: "create table seq (x); insert into seq values (1); insert into seq values (2);",
      },
      { type: "store_sql", sql_id: 7, sql: "select count(*) from seq" },
      { type: "execute", stmt: { sql_id: 7 } },
    ]);
    expect(ok(first.body.results[2]).result?.rows).toEqual([[{ type: "integer", value: "2" }]]);
    const second = await pipeline(
      [{ type: "close_sql", sql_id: 7 }, { type: "execute", stmt: { sql_id: 7 } }, { type: "close" }],
      first.body.baton,
    );
    expect(second.body.results[0]?.type).toBe("ok");
    expect(second.body.results[1]).toMatchObject({ type: "error", error: { message: "unknown sql_id 7" } });
    const elsewhere = await pipeline([{ type: "execute", stmt: { sql_id: 7 } }, { type: "close" }]);
    expect(elsewhere.body.results[0]?.type).toBe("error");
  });

  it("hands out a new baton per response and refuses an old or closed one", async () => {
    const opened = await pipeline([execute("select 1")]);
    const next = await pipeline([execute("select 2")], opened.body.baton);
    expect(next.body.baton).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(next.body.baton).not.toBe(opened.body.baton);
    expect((await pipeline([execute("select 3")], opened.body.baton)).status).toBe(400);
    const closed = await pipeline([{ type: "close" }], next.body.baton);
    expect(closed.body.baton).toBeNull();
    expect((await pipeline([execute("select 4")], next.body.baton)).status).toBe(400);
  });

  it("keeps one connection per stream: its transaction, temp tables and PRAGMAs are its own", async () => {
    await pipeline([execute("create table shared (x)"), { type: "close" }]);
    const a = await pipeline([
      execute("begin"),
      execute("insert into shared values (1)"),
      execute("create temp table mine (x)"),
      execute("pragma recursive_triggers = on"),
    ]);
    const b = await pipeline([
      execute("select count(*) from shared"),
      execute("select count(*) from temp.sqlite_master where name = 'mine'"),
      execute("pragma recursive_triggers"),
      { type: "get_autocommit" },
      { type: "close" },
    ]);
    expect(b.body.results.slice(0, 3).map((r) => ok(r).result?.rows)).toEqual([
      [[{ type: "integer", value: "0" }]],
      [[{ type: "integer", value: "0" }]],
      [[{ type: "integer", value: "0" }]],
    ]);
    expect(ok(b.body.results[3])).toMatchObject({ is_autocommit: true });
    const commit = await pipeline(
      [{ type: "get_autocommit" }, execute("commit"), { type: "close" }],
      a.body.baton,
    );
    expect(ok(commit.body.results[0])).toMatchObject({ is_autocommit: false });
    const after = await pipeline([execute("select count(*) from shared"), { type: "close" }]);
    expect(ok(after.body.results[0]).result?.rows).toEqual([[{ type: "integer", value: "1" }]]);
  });

  it("closes a stream idle for longer than the expiry, rolling back what it left open", async () => {
    expect(STREAM_EXPIRY_MS).toBe(10_000);
    await pipeline([execute("create table expiring (x)"), { type: "close" }]);
    const open = await pipeline([execute("begin immediate"), execute("insert into expiring values (1)")]);
    await new Promise((r) => setTimeout(r, EXPIRY_MS * 2.5));
    expect((await pipeline([execute("commit")], open.body.baton)).status).toBe(400);
    const check = await pipeline([
      execute("insert into expiring values (2)"),
      execute("select count(*) from expiring"),
      { type: "close" },
    ]);
    expect(ok(check.body.results[0]).result?.affected_row_count).toBe(1);
    expect(ok(check.body.results[1]).result?.rows).toEqual([[{ type: "integer", value: "1" }]]);
  });

  it("counts rows written by triggers in affected_row_count, as a server does", async () => {
    const { body } = await pipeline([
      execute("create table src (x)"),
      execute("create table copy (x)"),
      execute("create trigger copy_it after insert on src begin insert into copy values (new.x); end"),
      execute("insert into src values (1)"),
      execute("select changes()"),
      { type: "close" },
    ]);
    expect(ok(body.results[3]).result?.affected_row_count).toBe(2);
    expect(ok(body.results[4]).result?.rows).toEqual([[{ type: "integer", value: "1" }]]);
  });

  it("serves @libsql/client: execute, batch, interactive transaction and executeMultiple", async () => {
    const client = createClient({ url: `${hrana.url}/client/` });
    await client.executeMultiple(
      "create table t (id integer primary key, name text); insert into t (name) values ('a');",
    );
    const [inserted, counted] = await client.batch(
      [{ sql: "insert into t (name) values (?)", args: ["b"] }, "select count(*) as n from t"],
      "write",
    );
    expect(inserted?.rowsAffected).toBe(1);
    expect(counted?.rows[0]?.n).toBe(2);
    await expect(client.batch(["insert into t (id, name) values (1, 'dup')"])).rejects.toThrow(
      /UNIQUE constraint/,
    );
    const tx = await client.transaction("write");
    await tx.execute("insert into t (name) values ('in tx')");
    expect((await client.execute("select count(*) as n from t")).rows[0]?.n).toBe(2);
    await tx.commit();
    expect((await client.execute("select count(*) as n from t")).rows[0]?.n).toBe(3);
    const [read] = await client.batch(["select name from t order by id"], "read");
    expect(read?.rows.map((r) => r.name)).toEqual(["a", "b", "in tx"]);
    client.close();
  });

  it("requires the auth token when it has one, and answers only Hrana 2", async () => {
    expect((await fetch(`${guarded.url}/v2/pipeline`, { method: "POST", body: "{}" })).status).toBe(401);
    const client = createClient({ url: guarded.url, authToken: "s3cret" });
    expect((await client.execute("select 1 as one")).rows[0]?.one).toBe(1);
    client.close();
    expect((await fetch(`${hrana.url}/v3-protobuf`)).status).toBe(404);
    expect((await fetch(`${hrana.url}/v2`)).status).toBe(200);
    const bad = await fetch(`${hrana.url}/v2/pipeline`, { method: "POST", body: "not json" });
    expect(bad.status).toBe(400);
  });
});
