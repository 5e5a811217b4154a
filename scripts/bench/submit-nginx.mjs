// npm run bench:submit:nginx — bench:submit through the two-instance deployment: nginx in front of
// two app instances on one database file (tests/deploy/nginx-stack.mjs, the stack e2e:nginx tests),
// measured with BENCH_URL; the floors still run in the bench, on that database. `npm run build` first.
import { spawn } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.DEPLOY_PORT ?? 3380);
const base = `http://127.0.0.1:${port}`;

const stack = spawn(process.execPath, ["tests/deploy/nginx-stack.mjs"], {
  cwd: root,
  env: { ...process.env, DEPLOY_PORT: String(port) },
  stdio: ["ignore", "ignore", "inherit"],
});
const stop = () => stack.exitCode === null && stack.kill("SIGTERM");
process.on("exit", stop);

for (let i = 0; ; i++) {
  if (stack.exitCode !== null) throw new Error(`the nginx stack exited (${stack.exitCode})`);
  if (
    await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  if (i > 900) throw new Error("the nginx stack did not come up in 180 s");
  await new Promise((r) => setTimeout(r, 200));
}

const bench = spawn("npx", ["tsx", "scripts/bench/submit.ts"], {
  cwd: root,
  env: { ...process.env, BENCH_URL: base, BENCH_DB: `file:${path.join(root, "data/deploy-e2e/app.db")}` },
  stdio: "inherit",
});
const code = await new Promise((resolve) => bench.once("exit", resolve));
stop();
await new Promise((resolve) => (stack.exitCode === null ? stack.once("exit", resolve) : resolve()));
process.exit(code ?? 1);
