import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Agent, Statement } from "@/lib/xapi/types";

const BASE = Number(process.env.XAPI_TEST_PORT_BASE ?? 3251);
/** LearningLocker's xapi-statements, the client-info stand-in it asks about credentials, and the proxy in front. */
export const PORTS = { lrs: BASE, auth: BASE + 1, proxy: BASE + 2 };
export const LRS_USER = "training-platform";
export const LRS_PASSWORD = "lrs-test-secret";
export const AUTHORIZATION = `Basic ${Buffer.from(`${LRS_USER}:${LRS_PASSWORD}`).toString("base64")}`;

function listen(server: http.Server, port: number) {
  return new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/**
 * Learning Locker's client store as its "fetch" auth asks it: the one key the test knows gets a
 * client with every scope, anything else a 404 (which the LRS answers with 401).
 */
function startClientStore() {
  const server = http.createServer((req, res) => {
    if (req.headers.authorization !== AUTHORIZATION) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        _id: "5f0000000000000000000001",
        title: "training platform",
        authority: { objectType: "Agent", name: "training platform", mbox: "mailto:training@lrs.test" },
        isTrusted: true,
        lrs_id: "5f0000000000000000000002",
        organisation: "5f0000000000000000000003",
        scopes: ["all"],
      }),
    );
  });
  return listen(server, PORTS.auth).then(() => server);
}

/** Starts the real LRS (a child process, in-memory store) on 127.0.0.1 and waits until it listens. */
export async function startLrs() {
  const dir = mkdtempSync(path.join(tmpdir(), "lrs-"));
  const store = await startClientStore();
  const child: ChildProcess = fork(path.join(import.meta.dirname, "learninglocker-lrs.cjs"), [], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "test",
      EXPRESS_PORT: String(PORTS.lrs),
      LL_CLIENT_INFO_ENDPOINT: `http://127.0.0.1:${PORTS.auth}/auth`,
      FS_LOCAL_STORAGE_DIR: path.join(dir, "storage"),
      EXPRESS_MORGAN_DIRECTORY: path.join(dir, "logs"),
      WINSTON_CONSOLE_LEVEL: "error",
      NODE_NO_WARNINGS: "1",
    },
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  let stderr = "";
  child.stderr?.on("data", (d) => {
    stderr += d;
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`LRS did not start in 60 s: ${stderr}`)), 60_000);
    child.once("message", () => {
      clearTimeout(timer);
      resolve();
    });
    child.once("exit", (code) => reject(new Error(`LRS exited (${code}): ${stderr}`)));
  });
  const url = `http://127.0.0.1:${PORTS.lrs}/xAPI`;
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      await new Promise((resolve) => store.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
    /** Every statement about `agent`, oldest stored first, following the LRS's `more` links. */
    async statementsOf(agent: Agent): Promise<(Statement & { stored: string; authority: unknown })[]> {
      const found: (Statement & { stored: string; authority: unknown })[] = [];
      let next: string | null =
        `${url}/statements?format=exact&ascending=true&limit=500&agent=${encodeURIComponent(JSON.stringify(agent))}`;
      while (next) {
        const res: Response = await fetch(next, {
          headers: { Authorization: AUTHORIZATION, "X-Experience-API-Version": "1.0.3" },
        });
        if (res.status !== 200) throw new Error(`GET statements: HTTP ${res.status} ${await res.text()}`);
        const page = (await res.json()) as { statements: typeof found; more?: string };
        found.push(...page.statements);
        next = page.more ? new URL(page.more, url).toString() : null;
      }
      return found;
    },
  };
}

export type Lrs = Awaited<ReturnType<typeof startLrs>>;

/**
 * An HTTP proxy in front of the LRS that records the statement ids of every POST reaching the LRS,
 * and can be taken down (connections refused) or made to lose the LRS's answers (the LRS stores
 * the statements, the forwarder never hears back).
 */
export async function startProxy(target: string) {
  const posted: string[][] = [];
  let loseAnswers = 0;
  const sockets = new Set<Socket>();
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const upstream = new URL(req.url ?? "/", target.replace(/\/xAPI$/, "/"));
    if (req.method === "POST") posted.push((JSON.parse(body.toString()) as Statement[]).map((s) => s.id));
    const answer = await fetch(upstream, {
      method: req.method,
      headers: Object.fromEntries(
        Object.entries(req.headers).filter(([k]) => !["host", "connection", "content-length"].includes(k)),
      ) as Record<string, string>,
      body: req.method === "POST" || req.method === "PUT" ? body : undefined,
    });
    const text = await answer.text();
    if (req.method === "POST" && loseAnswers > 0) {
      loseAnswers -= 1;
      req.socket.destroy();
      return;
    }
    res
      .writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "text/plain" })
      .end(text);
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.once("close", () => sockets.delete(s));
  });
  await listen(server, PORTS.proxy);
  return {
    url: `http://127.0.0.1:${PORTS.proxy}/xAPI`,
    /** The ids of each POST that reached the LRS, in order. */
    posted,
    /** Refuse connections from now on (and cut the open ones). */
    async down() {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const s of sockets) s.destroy();
      await closed;
    },
    up: () => listen(server, PORTS.proxy),
    /** Pass the next `n` POSTs to the LRS but cut the connection instead of answering. */
    loseNextAnswers(n: number) {
      loseAnswers = n;
    },
    async stop() {
      if (server.listening) await this.down();
    },
  };
}

export type LrsProxy = Awaited<ReturnType<typeof startProxy>>;
