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

type Statement = object;
type Database = { prepare(sql: string): Statement };

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
    const statement = prepare.call(this, sql);
    cache.set(sql, statement);
    if (cache.size > CAPACITY) cache.delete(cache.keys().next().value as string);
    return statement;
  };
}
