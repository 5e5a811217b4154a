// Shared pieces of the benchmarks: start the production server, sign in over HTTP, run a bounded
// concurrent load and summarise latencies. Requires `npm run build` first.
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { ADDRESS_LIMIT } from "@/lib/auth/throttle";

export const PORT = Number(process.env.BENCH_PORT ?? 3300);
/** BENCH_URL measures a server that is already running (e.g. nginx in front of instances) instead. */
const external = process.env.BENCH_URL?.replace(/\/$/, "");
export const BASE = external ?? `http://127.0.0.1:${PORT}`;
export const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/**
 * Starts the production server on `db`; `fresh` (the default) deletes the database first;
 * `nodeOptions` (e.g. --cpu-prof) goes to its Node processes.
 */
export async function startServer(
  db: string,
  { fresh = true, nodeOptions }: { fresh?: boolean; nodeOptions?: string } = {},
): Promise<ChildProcess | null> {
  if (external) {
    if (!(await fetch(`${BASE}/api/health`)).ok) throw new Error(`${BASE} is not up`);
    return null;
  }
  const args = ["scripts/serve.mjs", "--port", String(PORT), "--db", db, ...(fresh ? ["--fresh"] : [])];
  const server = spawn("node", args, {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
    env: nodeOptions
      ? { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} ${nodeOptions}` }
      : process.env,
  });
  process.on("exit", () => stopServer(server));
  await waitForHealth(server, BASE, "the server");
  return server;
}

/**
 * How long a server may take to come up. serve.mjs migrates and seeds first, and the seed rebuilds
 * the report and item statistics from every attempt: minutes for the large bank on a busy machine.
 */
const START_SECONDS = Number(process.env.BENCH_START_SECONDS ?? 900);

/** Polls `${base}/api/health` until it answers; fails at once if the process exits, or after START_SECONDS. */
async function waitForHealth(server: ChildProcess, base: string, name: string) {
  const until = performance.now() + START_SECONDS * 1000;
  while (performance.now() < until) {
    if (server.exitCode !== null || server.signalCode !== null)
      throw new Error(`${name} exited (${server.exitCode ?? server.signalCode}) before it answered`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  stopServer(server);
  throw new Error(`${name} did not answer within ${START_SECONDS} s (BENCH_START_SECONDS)`);
}

/** SIGTERM to the server's process group; nothing when it has exited already. */
export function stopServer(server: ChildProcess | null) {
  if (!server?.pid || server.exitCode !== null || server.signalCode !== null) return;
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    // the group is gone already
  }
}

/** Signs in through Auth.js's credentials callback and returns the Cookie header for the session. */
export async function signIn(employeeNo: string, password = "Demo@2026"): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, employeeNo, password }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in failed for ${employeeNo}`);
  return session.split(";")[0] as string;
}

/**
 * Signs every account in, a few at a time: the sign-in throttle counts the attempts in flight from
 * one address (all of ours come from 127.0.0.1) against ADDRESS_LIMIT until they succeed.
 */
export async function signInAll(employeeNos: string[], password?: string): Promise<string[]> {
  const cookies: string[] = [];
  const batch = Math.max(1, Math.floor(ADDRESS_LIMIT.limit / 2));
  for (let i = 0; i < employeeNos.length; i += batch)
    cookies.push(...(await Promise.all(employeeNos.slice(i, i + batch).map((no) => signIn(no, password)))));
  return cookies;
}

export type Timing = { ttfb: number; total: number; status: number };

/** One request; TTFB is the time to the first byte of the body. */
export function request(
  path: string,
  { method = "GET", cookie, body }: { method?: string; cookie?: string; body?: string } = {},
): Promise<Timing & { text: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let ttfb = 0;
    const req = http.request(
      path.startsWith("http") ? path : `${BASE}${path}`,
      {
        method,
        agent,
        headers: {
          ...(cookie ? { cookie } : {}),
          ...(body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => {
          if (!ttfb) ttfb = performance.now() - start;
          chunks.push(c);
        });
        res.on("end", () => {
          const total = performance.now() - start;
          resolve({
            ttfb: ttfb || total,
            total,
            status: res.statusCode ?? 0,
            text: Buffer.concat(chunks).toString(),
          });
        });
        res.on("error", reject);
      },
    );
    req.on("error", (e: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed while idle: send again on a fresh one (as Node's
      // documentation advises; a submission carries its id, so it is stored once either way).
      if (req.reusedSocket && e.code === "ECONNRESET")
        request(path, { method, cookie, body }).then(resolve, reject);
      else reject(e);
    });
    req.end(body);
  });
}

/** Runs `workers` loops of `task` until `seconds` pass; returns every timing. */
export async function load<T>(
  workers: number,
  seconds: number,
  task: (worker: number, i: number) => Promise<T>,
): Promise<T[]> {
  const until = performance.now() + seconds * 1000;
  const results: T[] = [];
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; performance.now() < until; i++) results.push(await task(w, i));
    }),
  );
  return results;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Starts a server process in its own process group and waits until `${base}/api/health` answers. */
export async function startProcess(
  command: string,
  args: string[],
  { env = process.env, base = BASE }: { env?: NodeJS.ProcessEnv; base?: string } = {},
): Promise<ChildProcess> {
  const server = spawn(command, args, { stdio: ["ignore", "ignore", "inherit"], detached: true, env });
  process.on("exit", () => stopServer(server));
  await waitForHealth(server, base, args.join(" "));
  return server;
}

/** Resolves when the process has exited (after stopServer), so the next one has the machine to itself. */
export function exited(server: ChildProcess | null): Promise<void> {
  if (!server || server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => server.once("exit", () => resolve()));
}

/**
 * CPU seconds (user + system) used so far by every process in the server's process group, from
 * /proc (Linux; 0 elsewhere). Unlike requests per second, CPU per request hardly moves when other
 * work shares the machine, so runs on a busy machine can still be compared.
 */
export function groupCpuSeconds(server: ChildProcess | null): number {
  if (!server?.pid) return 0;
  let ticks = 0;
  try {
    for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
        // After "pid (comm) ": state ppid pgrp … utime (12th) stime (13th).
        if (Number(fields[2]) === server.pid) ticks += Number(fields[11]) + Number(fields[12]);
      } catch {}
    }
  } catch {
    return 0;
  }
  return ticks / 100;
}
