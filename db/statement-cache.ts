import { createRequire } from "node:module";

/**
 * Prepared statements kept per connection, by SQL text. @libsql/client prepares every statement
 * afresh on every call, and preparing is most of the cost of the small indexed statements a
 * request runs (the summary upsert, with its triggers compiled in, takes longer to prepare than
 * to run). The request path sends the same few texts with new arguments, so each connection keeps
 * its most recent 256 statements and hands them out again; SQLite re-prepares one by itself if
 * the schema changed. File databases only: remote clients prepare on the server.
 */
const CAPACITY = 256;

type Statement = {
  raw(on?: boolean): Statement;
  safeIntegers(on?: boolean): Statement;
  columns(): unknown[];
};
type Database = { prepare(sql: string): Statement };

/**
 * A kept statement answers the questions @libsql/client asks before every run from memory: its
 * columns (a native call that builds new objects each time, asked twice per run), and whether it
 * returns rows at all, which the client learns from raw(true) throwing for every INSERT, UPDATE,
 * BEGIN and COMMIT (an Error with its stack, per statement). Both belong to the SQL text, which is
 * what the cache is keyed by; the modes it sets stay set on the native statement, so setting them
 * again to the same value is skipped.
 */
function remembering(statement: Statement): Statement {
  const native = { raw: statement.raw, safeIntegers: statement.safeIntegers, columns: statement.columns };
  let raw: boolean | undefined;
  let refusal: unknown;
  let safe: boolean | undefined;
  let columns: unknown[] | undefined;
  return Object.assign(statement, {
    raw(on = true) {
      if (refusal !== undefined && on) throw refusal;
      if (raw !== on) {
        try {
          native.raw.call(statement, on);
        } catch (e) {
          if (on) refusal = e;
          throw e;
        }
        raw = on;
      }
      return statement;
    },
    safeIntegers(on = true) {
      if (safe !== on) native.safeIntegers.call(statement, on);
      safe = on;
      return statement;
    },
    columns() {
      columns ??= native.columns.call(statement);
      return columns;
    },
  });
}

let installed = false;

export function cachePreparedStatements() {
  if (installed) return;
  installed = true;
  const Database = createRequire(import.meta.url)("libsql") as { prototype: Database };
  const prepare = Database.prototype.prepare;
  const caches = new WeakMap<Database, Map<string, Statement>>();
  Database.prototype.prepare = function (this: Database, sql: string) {
    let cache = caches.get(this);
    if (!cache) {
      cache = new Map();
      caches.set(this, cache);
    }
    const known = cache.get(sql);
    if (known) {
      cache.delete(sql); // most recently used last
      cache.set(sql, known);
      return known;
    }
    const statement = remembering(prepare.call(this, sql));
    cache.set(sql, statement);
    if (cache.size > CAPACITY) cache.delete(cache.keys().next().value as string);
    return statement;
  };
}
