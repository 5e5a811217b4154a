// The production server: Next's request handler inside a small node:http server that resolves the
// client address from trusted proxies, gives every request an id, writes one JSON log line per
// request and drains on SIGTERM. `npm run demo`, the tests and the systemd unit all start it:
//   node --import tsx/esm server.ts [--port 3000] [--host 127.0.0.1]
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";
import { AppError } from "@/lib/errors";
import { BARE_RESPONSE_HEADERS } from "@/lib/http/bare-response-headers";
import { canonicalPath } from "@/lib/http/canonical-path";
import { resolveClientAddress, trustedProxies } from "@/lib/http/client-ip";
import { localeOf } from "@/lib/i18n/locales";
import { Drain } from "@/lib/server/drain";
import { captureConsole, createLogger, errorFields, requestContext } from "@/lib/server/log";
import { routeNamer } from "@/lib/server/route-names";
import { sessionUserReader } from "@/lib/server/session-user";

const DRAIN_TIMEOUT_MS = 10_000;
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "3000" },
    host: { type: "string", default: process.env.HOST ?? "127.0.0.1" },
  },
});
const port = Number(values.port);
const host = values.host;

// The environment is checked before anything starts; a bad value stops the server with its name.
const { env } = await import("@/lib/env").catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});

const log = createLogger(env.LOG_LEVEL);
captureConsole(log);
const isTrusted = trustedProxies(env.TRUSTED_PROXIES);
const readUser = sessionUserReader(env.AUTH_SECRET);

const dir = path.resolve(import.meta.dirname);
const app = next({ dev: false, dir, hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();
const routeOf = routeNamer(JSON.parse(readFileSync(path.join(dir, ".next/routes-manifest.json"), "utf8")));

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Headers only a trusted proxy may set; from anyone else they are dropped or replaced. */
function takeForwarded(req: IncomingMessage) {
  const peer = req.socket.remoteAddress ?? "";
  const viaProxy = isTrusted(peer);
  const forwardedFor = req.headers["x-forwarded-for"];
  req.headers["x-forwarded-for"] = resolveClientAddress(
    peer,
    Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor,
    isTrusted,
  );
  if (!viaProxy) {
    for (const h of ["x-forwarded-proto", "x-forwarded-host", "x-forwarded-port"]) delete req.headers[h];
  }
  const incoming = first(req.headers["x-request-id"]);
  const requestId = viaProxy && incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  req.headers["x-request-id"] = requestId;
  return requestId;
}

/**
 * Next 16.4 answers an RSC request served through a config rewrite with x-nextjs-rewritten-query
 * set to the destination's own query ("" for the locale rewrites) instead of the request's, and
 * its client router then takes /x?show=a and /x?show=b for one page. The locale rewrites never
 * change the query, so the header is dropped and the router reads the query from the address.
 */
function keepRequestQuery(res: ServerResponse) {
  const setHeader = res.setHeader.bind(res);
  res.setHeader = (name, value) =>
    name.toLowerCase() === "x-nextjs-rewritten-query" ? res : setHeader(name, value);
}

/**
 * An address no page can have (a malformed percent-encoding such as /verify/%FF, an encoded
 * slash, a dot segment): Next.js would answer a bare 500 before any of the app's code runs, so it
 * is refused here with the app's own 400 and headers.
 */
function refuseBadPath(req: IncomingMessage, res: ServerResponse) {
  const locale = localeOf({ headers: new Headers({ cookie: req.headers.cookie ?? "" }) });
  res.writeHead(400, { ...BARE_RESPONSE_HEADERS, "Content-Type": "application/json" });
  res.end(JSON.stringify(new AppError("bad_request:path").toBody(locale)));
}

const server = createServer();
const drain = new Drain(server);
/** Request lines still waiting for their user id; written before the process exits. */
const unwritten = new Set<Promise<void>>();
server.on("request", (req, res) => {
  const started = performance.now();
  const requestId = takeForwarded(req);
  const cookie = req.headers.cookie;
  const pathname = (req.url ?? "/").split("?", 1)[0] as string;
  res.setHeader("X-Request-Id", requestId);
  keepRequestQuery(res);
  drain.track(res);
  res.once("close", () => {
    const status = res.statusCode;
    const fields = {
      msg: "request",
      requestId,
      method: req.method,
      route: routeOf(pathname),
      status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      ...(res.writableFinished ? {} : { aborted: true }),
    };
    const line = readUser(cookie).then((userId) =>
      log(status >= 500 ? "error" : "info", { ...fields, userId }),
    );
    unwritten.add(line);
    void line.finally(() => unwritten.delete(line));
  });
  if (drain.draining && pathname === "/api/ready") {
    res.writeHead(503, { "Content-Type": "application/json", "Cache-Control": "no-store" });
    res.end(JSON.stringify({ status: "draining" }));
    return;
  }
  if (canonicalPath(pathname) === null) {
    refuseBadPath(req, res);
    return;
  }
  requestContext.run({ requestId }, () =>
    handle(req, res).catch((e: unknown) => {
      log("error", { msg: "unhandled request error", error: errorFields(e) });
      if (!res.headersSent) res.writeHead(500, { ...BARE_RESPONSE_HEADERS, "Content-Type": "text/plain" });
      res.end("Internal Server Error");
    }),
  );
});
// Longer than nginx's upstream keepalive_timeout (60 s), so nginx closes idle connections first.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

server.listen(port, host, () => {
  const address = server.address();
  const bound = typeof address === "object" && address ? address.address : host;
  log("info", {
    msg: "listening",
    url: `http://${bound.includes(":") ? `[${bound}]` : bound}:${port}`,
    pid: process.pid,
  });
});
server.on("error", (e) => {
  log("error", { msg: "server error", error: errorFields(e) });
  process.exit(1);
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, async () => {
    if (drain.draining) return; // a terminal's Ctrl-C also reaches the parent, which passes it on
    log("info", { msg: "draining", signal, timeoutMs: DRAIN_TIMEOUT_MS });
    const result = await drain.start(DRAIN_TIMEOUT_MS);
    await Promise.allSettled(unwritten);
    log(result.finished ? "info" : "warn", { msg: "stopped", ...result, ms: Math.round(result.ms) });
    process.exit(result.finished ? 0 : 1);
  });
}
