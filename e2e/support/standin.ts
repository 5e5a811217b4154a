import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

/** Shared plumbing of the WeCom and DingTalk stand-ins: fixtures, a tiny router, one-time codes. */

// biome-ignore lint/suspicious/noExplicitAny: documented example payloads are spread into replies as they are.
export type Fixture = { endpoints: Record<string, any> };

export function fixture(name: "wecom" | "dingtalk"): Fixture {
  return JSON.parse(readFileSync(new URL(`../../tests/fixtures/sso/${name}.json`, import.meta.url), "utf8"));
}

export const token = () => randomBytes(18).toString("base64url");

export function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify(body));
}

export function html(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" }).end(body);
}

export function redirect(res: ServerResponse, location: string) {
  res.writeHead(302, { location }).end();
}

/** One-time codes that expire, as both platforms issue them. */
export class Codes<T> {
  private readonly codes = new Map<string, { value: T; expiresAt: number }>();
  constructor(private readonly ttlMs: number) {}
  issue(value: T): string {
    const code = token();
    this.codes.set(code, { value, expiresAt: Date.now() + this.ttlMs });
    return code;
  }
  redeem(code: string | null): T | undefined {
    const entry = code ? this.codes.get(code) : undefined;
    if (code) this.codes.delete(code);
    return entry && entry.expiresAt > Date.now() ? entry.value : undefined;
  }
}

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

export interface RunningStandIn {
  url: string;
  /** Requests per "METHOD /path", to check what the app called. */
  calls: Map<string, number>;
  stop(): Promise<void>;
}

export async function serve(port: number, routes: Record<string, Handler>): Promise<RunningStandIn> {
  const url = `http://127.0.0.1:${port}`;
  const calls = new Map<string, number>();
  const server = createServer((req, res) => {
    const parsed = new URL(req.url ?? "/", url);
    const key = `${req.method} ${parsed.pathname}`;
    calls.set(key, (calls.get(key) ?? 0) + 1);
    const route = routes[key];
    if (!route) return json(res, 404, { errcode: 404, errmsg: `no such endpoint: ${key}` });
    Promise.resolve(route(req, res, parsed)).catch((e: unknown) =>
      json(res, 500, { errcode: -1, errmsg: String(e) }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  return {
    url,
    calls,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
