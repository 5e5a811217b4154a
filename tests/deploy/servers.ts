// Starting and stopping the production server (server.ts) for the operations tests, and talking to
// it over plain HTTP as a load would.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { createClient } from "@libsql/client";
import type { Browser } from "@playwright/test";
import { fileCatalog } from "@/lib/content/catalog";
import { signInThroughUi } from "../../e2e/support/sessions";
import { authSecret } from "../../scripts/auth-secret.mjs";
import { chapter } from "./flows";

const chapterSlugs = () => fileCatalog().chapterSlugs();

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const WORK = path.join(ROOT, "data/deploy-ops");
const TS = ["--import", "tsx/esm"];

export function baseEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    AUTH_SECRET: authSecret(),
    AUTH_TRUST_HOST: "true",
    APP_URL: "http://training.test",
    ...extra,
  };
}

let template: string | undefined;

/**
 * A migrated and seeded database file under data/deploy-ops/; returns its file: URL. The seed runs
 * once per test process; every further database is a copy of that one.
 */
export async function seededDatabase(name: string): Promise<string> {
  mkdirSync(WORK, { recursive: true });
  const file = path.join(WORK, `${name}.db`);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  if (!template) {
    template = path.join(WORK, "seeded-template.db");
    for (const suffix of ["", "-wal", "-shm"]) rmSync(template + suffix, { force: true });
    runScript("db/seed.ts", [], { DATABASE_URL: `file:${template}` });
  }
  const client = createClient({ url: `file:${template}` });
  await client.execute({ sql: "VACUUM INTO ?", args: [file] });
  client.close();
  return `file:${file}`;
}

/** Runs a TypeScript script as `npm run` does (react-server condition); throws when it fails. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ["--conditions=react-server", ...TS, script, ...args], {
    cwd: ROOT,
    env: baseEnv(env),
    encoding: "utf8",
  });
  if (r.status !== 0)
    throw new Error(`${script} ${args.join(" ")} exited ${r.status}:\n${r.stdout}${r.stderr}`);
  return r;
}

export type LogLine = Record<string, unknown> & { level: string; msg?: string };

export type Running = {
  url: string;
  child: ChildProcess;
  logs: LogLine[];
  /** SIGTERM, then the exit code and how long the server took to exit. */
  stop: () => Promise<{ code: number | null; ms: number }>;
};

export async function startServer({
  port,
  host = "127.0.0.1",
  db,
  env = {},
}: {
  port: number;
  host?: string;
  db: string;
  env?: Record<string, string>;
}): Promise<Running> {
  const child = spawn(process.execPath, [...TS, "server.ts", "--port", String(port), "--host", host], {
    cwd: ROOT,
    env: baseEnv({ DATABASE_URL: db, ...env }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: LogLine[] = [];
  let pending = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) logs.push(JSON.parse(line) as LogLine);
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (c: string) => {
    stderr += c;
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const hostInUrl = host === "0.0.0.0" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const url = `http://${hostInUrl}:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${stderr}`);
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 300) throw new Error(`server on ${url} did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    child,
    logs,
    stop: async () => {
      const started = performance.now();
      child.kill("SIGTERM");
      const code = await exited;
      return { code, ms: performance.now() - started };
    },
  };
}

/** Signs in through Auth.js's credentials callback; returns the Cookie header of the session. */
export async function signIn(base: string, employeeNo: string, password = "Demo@2026"): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, employeeNo, password }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in failed for ${employeeNo}`);
  return session.split(";")[0] as string;
}

export type Submission = { attemptId: string; status: number | "refused"; at: number };

/**
 * Knowledge checks taken from every cookie at once, as the page takes them (start: the server
 * draws; then submit the drawn questions answered right), each learner one after another through
 * the chapters, until `stop()`. Only the submissions are results; a refused connection (the
 * server stopped listening) ends that learner's loop, and so does a start the attempt policy
 * refuses (the day's attempts used).
 */
export function submissionLoad(base: string, cookies: string[], slugs = chapterSlugs()) {
  const keyOf = new Map<string, Set<string>>(
    slugs.flatMap((slug) =>
      chapter(slug).questions.map(
        (q) => [`${slug}/${q.id}`, new Set(q.options.filter((o) => o.correct).map((o) => o.text))] as const,
      ),
    ),
  );
  type Drawn = { attemptId: string; items: { key: string; options: { token: string; text: string }[] }[] };
  const results: Submission[] = [];
  let running = true;
  const done = Promise.all(
    cookies.map(async (cookie) => {
      const headers = { cookie, "content-type": "application/json" };
      for (let i = 0; running; i++) {
        const slug = slugs[i % slugs.length] as string;
        let open: Drawn;
        try {
          const start = await fetch(`${base}/api/learn/${slug}/check`, {
            method: "POST",
            headers,
            body: "{}",
          });
          if (start.status !== 200) return void (await start.arrayBuffer());
          open = ((await start.json()) as { open: Drawn }).open;
        } catch {
          return;
        }
        const answers = Object.fromEntries(
          open.items.map((item) => [
            item.key,
            item.options.filter((o) => keyOf.get(item.key)?.has(o.text)).map((o) => o.token),
          ]),
        );
        try {
          const r = await fetch(`${base}/api/learn/${slug}/attempts`, {
            method: "POST",
            headers,
            body: JSON.stringify({ attemptId: open.attemptId, answers }),
          });
          await r.arrayBuffer();
          results.push({ attemptId: open.attemptId, status: r.status, at: performance.now() });
        } catch {
          results.push({ attemptId: open.attemptId, status: "refused", at: performance.now() });
          return;
        }
      }
    }),
  );
  return {
    results,
    stop: async () => {
      running = false;
      await done;
      return results;
    },
    done,
  };
}

/**
 * Signs an account that has a second sign-in step in through the pages of a fresh browser context
 * (enrolling it the first time); returns the Cookie header of the session.
 */
export async function signInWithSecondStep(browser: Browser, base: string, employeeNo: string) {
  const context = await browser.newContext({ baseURL: base });
  // No background prefetches: one still rendering when the test stops the server would count as a
  // request it failed to finish.
  await context.route("**/*", (route) =>
    route.request().headers()["next-router-prefetch"] ? route.abort() : route.continue(),
  );
  await signInThroughUi(context, employeeNo);
  const session = (await context.cookies()).find((c) => c.name === "authjs.session-token");
  await context.close();
  if (!session) throw new Error(`sign-in failed for ${employeeNo}`);
  return `${session.name}=${session.value}`;
}
