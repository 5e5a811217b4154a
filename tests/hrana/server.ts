// A Hrana 2 HTTP server for tests, standing in for sqld (packaged neither for npm nor for Debian):
//   node --import tsx/esm tests/hrana/server.ts --port 3170 --dir data/hrana [--auth-token T] [--foreign-keys on]
// POST /v2/pipeline serves data/hrana/default.db; POST /<namespace>/v2/pipeline serves
// <namespace>.db, so parallel test files can each have a database of their own.
import { mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "libsql";
import { ProtocolError, Streams } from "./streams";

/** sqld closes a stream nobody used for this long. */
export const STREAM_EXPIRY_MS = 10_000;
const MAX_BODY = 16 * 1024 * 1024;
const ROUTE = /^(?:\/([a-z0-9][a-z0-9-]{0,62}))?\/v2(\/pipeline)?\/?$/;

export type HranaServer = { server: Server; streams: Streams; url: string; close: () => Promise<void> };

export async function startHranaServer({
  /** 0: any free port (the tests); the address is in the returned url. */
  port = 0,
  host = "127.0.0.1",
  dir,
  authToken,
  foreignKeys = false,
  streamExpiryMs = STREAM_EXPIRY_MS,
}: {
  port?: number;
  host?: string;
  dir: string;
  authToken?: string;
  /** Each connection's foreign_keys. Off by default: a server may have it off, so tests must not rely on it. */
  foreignKeys?: boolean;
  streamExpiryMs?: number;
}): Promise<HranaServer> {
  mkdirSync(dir, { recursive: true });
  const prepared = new Set<string>();
  const open = (namespace: string) => {
    const conn = new Database(path.join(dir, `${namespace}.db`));
    conn.exec(`PRAGMA foreign_keys = ${foreignKeys ? "ON" : "OFF"}`);
    // WAL persists in the file (sqld runs in WAL); any other PRAGMA a client sets dies with its stream.
    if (!prepared.has(namespace)) {
      conn.exec("PRAGMA journal_mode = WAL");
      prepared.add(namespace);
    }
    return conn;
  };
  const streams = new Streams(open, streamExpiryMs);

  const server = createServer(async (req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? "/", "http://hrana");
    if (url.pathname === "/health") return reply(200, { status: "ok" });
    const route = ROUTE.exec(url.pathname);
    if (!route)
      return reply(404, { message: `no such endpoint ${url.pathname} (this server speaks Hrana 2)` });
    if (authToken && req.headers.authorization !== `Bearer ${authToken}`) {
      return reply(401, { message: "Unauthorized" });
    }
    if (!route[2])
      return req.method === "GET" ? reply(200, { version: 2 }) : reply(405, { message: "GET only" });
    if (req.method !== "POST") return reply(405, { message: "POST only" });

    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY) return reply(413, { message: "request too large" });
      chunks.push(chunk as Buffer);
    }
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      reply(200, streams.pipeline(route[1] ?? "default", body));
    } catch (e) {
      if (e instanceof ProtocolError || e instanceof SyntaxError) return reply(400, { message: e.message });
      reply(500, { message: e instanceof Error ? e.message : String(e) });
    }
  });
  // Idle connections stay open longer than any client keeps them, so a client never sends a
  // request on a connection the server is closing ("other side closed" under load).
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 121_000;
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const address = server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  return {
    server,
    streams,
    url: `http://${host}:${bound}`,
    close: () =>
      new Promise((resolve) => {
        streams.closeAll();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "3170" },
      host: { type: "string", default: "127.0.0.1" },
      dir: { type: "string", default: "data/hrana" },
      "auth-token": { type: "string" },
      "foreign-keys": { type: "string", default: "off" },
    },
  });
  const hrana = await startHranaServer({
    port: Number(values.port),
    host: values.host,
    dir: values.dir,
    authToken: values["auth-token"],
    foreignKeys: values["foreign-keys"] === "on",
  });
  console.log(`Hrana 2 test server on ${hrana.url} (databases in ${values.dir})`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => void hrana.close().then(() => process.exit(0)));
  }
}
