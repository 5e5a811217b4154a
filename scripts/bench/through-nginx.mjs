// npm run bench:submit:nginx / bench:reports:nginx — the same benchmark through the two-instance
// deployment: nginx in front of two app instances on one database file (tests/deploy/nginx-stack.mjs,
// the stack e2e:nginx tests), measured with BENCH_URL. bench:submit runs on the stack's freshly
// seeded database (its floors still run in the bench, on that database); bench:reports on BENCH_DB
// (the large bank), which the stack serves as it is. `npm run build` first.
import { spawn } from "node:child_process";
import path from "node:path";

const benches = {
  submit: { args: ["tsx", "scripts/bench/submit.ts"] },
  reports: { args: ["tsx", "--conditions=react-server", "scripts/bench/reports.ts"], given: true },
};
const bench = benches[process.argv[2]];
if (!bench) throw new Error(`usage: through-nginx.mjs ${Object.keys(benches).join("|")}`);

const root = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.DEPLOY_PORT ?? 3380);
const base = `http://127.0.0.1:${port}`;
const db = bench.given
  ? (process.env.BENCH_DB ?? "file:./data/large.db")
  : `file:${path.join(root, "data/deploy-e2e/app.db")}`;

const stack = spawn(process.execPath, ["tests/deploy/nginx-stack.mjs"], {
  cwd: root,
  env: { ...process.env, DEPLOY_PORT: String(port), ...(bench.given ? { DEPLOY_DB: db } : {}) },
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

const run = spawn("npx", bench.args, {
  cwd: root,
  env: { ...process.env, BENCH_URL: base, BENCH_DB: db },
  stdio: "inherit",
});
const code = await new Promise((resolve) => run.once("exit", resolve));
stop();
await new Promise((resolve) => (stack.exitCode === null ? stack.once("exit", resolve) : resolve()));
process.exit(code ?? 1);
