import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Client, createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { env } from "../lib/env";
import { commitThrough } from "./group-commit";
import { foreignKeysFetch } from "./remote-fetch";
import * as schema from "./schema";
import { cachePreparedStatements } from "./statement-cache";

export function isFileUrl(url: string) {
  return url.startsWith("file:");
}

const fileOf = (url: string) => url.replace(/^file:/, "").replace(/\?.*$/, "");

/**
 * How long a write may sleep inside SQLite for another instance's lock. Most of that instance's
 * commits end within it, which is cheaper than a timer (a whole turn of a busy event loop); a longer
 * wait would stop this process for as long. Measured with bench:submit:nginx: 0 ms gave 111 / 137 /
 * 145 rps across the branch sweep, 10 ms 127 / 173 / 183, 50 ms 130 / 152 / 137.
 */
const LOCK_SPIN_MS = 10;

/**
 * For a file database every client call runs synchronously on one connection, so a single
 * connection per client loses nothing; the per-connection pragmas below apply to every query.
 * WAL is set by the migrate script; it persists in the file. A server gives every request a
 * connection of its own, so there the client turns foreign keys on in each (see remote-fetch.ts).
 */
export function openClient(
  url = env.DATABASE_URL,
  authToken = env.DATABASE_AUTH_TOKEN,
  { waitForLock = true } = {},
): Client {
  if (!isFileUrl(url)) return createClient({ url, authToken, fetch: foreignKeysFetch() });
  const file = fileOf(url);
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  cachePreparedStatements();
  // Without waitForLock a write waits at most LOCK_SPIN_MS inside SQLite for a lock another process
  // holds, then fails with SQLITE_BUSY (db/group-commit.ts goes on waiting on timers).
  const client = createClient({ url, concurrency: 1, timeout: waitForLock ? 5000 : LOCK_SPIN_MS });
  void client.execute("PRAGMA foreign_keys = ON");
  return client;
}

const globalForDb = globalThis as unknown as { libsqlClient?: Client; libsqlWriter?: Client | null };
export const client = globalForDb.libsqlClient ?? openClient();
const url = env.DATABASE_URL;
const writer =
  globalForDb.libsqlWriter !== undefined
    ? globalForDb.libsqlWriter
    : isFileUrl(url) && fileOf(url) !== ":memory:"
      ? openClient(url, undefined, { waitForLock: false })
      : null;
if (env.NODE_ENV !== "production") Object.assign(globalForDb, { libsqlClient: client, libsqlWriter: writer });

export function createDb(c: Client) {
  return drizzle(c, { schema });
}
export const db = createDb(client);
// The request path's write batches commit on a second connection that sleeps at most LOCK_SPIN_MS
// inside SQLite while another instance holds the write lock (db/group-commit.ts waits on timers).
if (writer) commitThrough(db, createDb(writer));
export type Db = typeof db;
