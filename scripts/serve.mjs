// Prepares a database (migrate + seed + reminders) and serves the production build with server.ts.
// Usage: node scripts/serve.mjs [--port 3000] [--host 127.0.0.1] [--db file:./data/app.db] [--fresh]
import { rmSync } from "node:fs";
import { parseArgs } from "node:util";
import { authSecret } from "./auth-secret.mjs";
import { runTs } from "./run-child.mjs";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.PORT ?? "3000" },
    host: { type: "string", default: process.env.HOST ?? "127.0.0.1" },
    db: { type: "string", default: process.env.DATABASE_URL ?? "file:./data/app.db" },
    fresh: { type: "boolean", default: false },
  },
});

const env = {
  ...process.env,
  DATABASE_URL: values.db,
  AUTH_SECRET: authSecret(),
  AUTH_TRUST_HOST: "true",
  // The demo's public address; a real deployment sets its own (see README "Deploying").
  APP_URL: process.env.APP_URL ?? `http://localhost:${values.port}`,
  NODE_ENV: "production",
};

if (values.fresh && values.db.startsWith("file:")) {
  const file = values.db.slice("file:".length);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}

// The query modules are marked server-only; the react-server condition lets plain Node load them.
const seed = await runTs("db/seed.ts", [], { env, reactServer: true });
if (seed !== 0) process.exit(seed);

// Reminders for the seeded bank (due soon, overdue, expiring certificates); the demo runs without them if this fails.
const reminders = await runTs("scripts/reminders.ts", [], { env, reactServer: true });
if (reminders !== 0) console.warn("warning: the reminder run failed; starting without fresh reminders");

process.exit(await runTs("server.ts", ["--port", values.port, "--host", values.host], { env }));
