// The app on a libSQL server, for tests/deploy/hrana.config.ts: the Hrana 2 test server on a
// fresh directory, `npm run db:migrate` and `npm run db:seed` against it over HTTP, then one app
// instance (server.ts) with DATABASE_URL=http://127.0.0.1:HRANA_PORT. Ports: HRANA_PORT (default
// 3172) and HRANA_PORT + 1 for the app.
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { authSecret } from "../../scripts/auth-secret.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const hranaPort = Number(process.env.HRANA_PORT ?? 3172);
const dir = path.join(root, "data/deploy-hrana");
rmSync(dir, { recursive: true, force: true });

const env = {
  ...process.env,
  NODE_ENV: "production",
  DATABASE_URL: `http://127.0.0.1:${hranaPort}`,
  AUTH_SECRET: authSecret(),
  AUTH_TRUST_HOST: "true",
  APP_URL: `http://127.0.0.1:${hranaPort + 1}`,
};
const tsx = ["--import", "tsx/esm"];
const children = [];

function start(args) {
  const child = spawn(process.execPath, [...tsx, ...args], {
    cwd: root,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      console.error(`${args.join(" ")} exited (${code ?? signal})`);
      stop(1);
    }
  });
  children.push(child);
}

let stopping = false;
function stop(code) {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stop(0));

start(["tests/hrana/server.ts", "--port", String(hranaPort), "--dir", dir]);
for (
  let i = 0;
  !(await fetch(`http://127.0.0.1:${hranaPort}/health`).then(
    (r) => r.ok,
    () => false,
  ));
  i++
) {
  if (i > 300) stop(1);
  await new Promise((r) => setTimeout(r, 100));
}
for (const script of ["db:migrate", "db:seed"]) {
  const run = spawnSync("npm", ["run", "-s", script], {
    cwd: root,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (run.status !== 0) stop(run.status ?? 1);
}
start(["server.ts", "--port", String(hranaPort + 1), "--host", "127.0.0.1"]);
