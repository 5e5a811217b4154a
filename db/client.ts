import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Client, createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import { env } from "../lib/env";
import { foreignKeysFetch } from "./remote-fetch";
import * as schema from "./schema";
import { cachePreparedStatements } from "./statement-cache";

export function isFileUrl(url: string) {
  return url.startsWith("file:");
}

/**
 * For a file database every client call runs synchronously on one connection, so a single
 * connection loses nothing and guarantees the per-connection pragmas below apply to every query.
 * WAL is set by the migrate script; it persists in the file. A server gives every request a
 * connection of its own, so there the client turns foreign keys on in each (see remote-fetch.ts).
 */
export function openClient(url = env.DATABASE_URL, authToken = env.DATABASE_AUTH_TOKEN): Client {
  if (!isFileUrl(url)) return createClient({ url, authToken, fetch: foreignKeysFetch() });
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  cachePreparedStatements();
  const client = createClient({ url, concurrency: 1, timeout: 5000 });
  void client.execute("PRAGMA foreign_keys = ON");
  return client;
}

const globalForDb = globalThis as unknown as { libsqlClient?: Client };
export const client = globalForDb.libsqlClient ?? openClient();
if (env.NODE_ENV !== "production") globalForDb.libsqlClient = client;

export function createDb(c: Client) {
  return drizzle(c, { schema });
}
export const db = createDb(client);
export type Db = typeof db;
