// Prepares a database (migrate + seed) and serves the production build.
// Usage: node scripts/serve.mjs [--port 3000] [--db file:./data/app.db] [--fresh]
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "3000" },
    db: { type: "string", default: process.env.DATABASE_URL ?? "file:./data/app.db" },
    fresh: { type: "boolean", default: false },
  },
});

/** AUTH_SECRET from the environment, else from a git-ignored file generated on first run. */
export function authSecret() {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = ".auth-secret";
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

const env = {
  ...process.env,
  DATABASE_URL: values.db,
  AUTH_SECRET: authSecret(),
  AUTH_TRUST_HOST: "true",
  NODE_ENV: "production",
};

if (values.fresh && values.db.startsWith("file:")) {
  const file = values.db.slice("file:".length);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}

// The query modules are marked server-only; the react-server condition lets plain Node load them.
const tsx = (script) =>
  spawnSync("npx", ["tsx", "--conditions=react-server", script], { env, stdio: "inherit" });

const seed = tsx("db/seed.ts");
if (seed.status !== 0) process.exit(seed.status ?? 1);

// Reminders for the seeded bank (due soon, overdue, expiring certificates); the demo runs without them if this fails.
const reminders = tsx("scripts/reminders.ts");
if (reminders.status !== 0)
  console.warn("warning: the reminder run failed; starting without fresh reminders");

const server = spawn("npx", ["next", "start", "-p", values.port], { env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
