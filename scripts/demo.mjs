// One command for the demo: install if needed, build for production, migrate, seed and serve on :3000.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!existsSync("node_modules/.package-lock.json")) run("npm", ["ci"]);
run("npx", ["next", "build"]);

const port = process.env.PORT ?? "3000";
console.log(`
柜面服务技能训练平台 / Counter Service Skills Training
  URL: http://localhost:${port}
  Demo accounts (password Demo@2026, demo only):
    E1001  learner  学员      静安支行 (华东分行)
    E2001  trainer  培训师    总行
    E3001  manager  管理者    华东分行
    E3002  manager  管理者    华南分行
    E9001  admin    系统管理员 总行
`);
const server = spawn("node", ["scripts/serve.mjs", "--port", port], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
