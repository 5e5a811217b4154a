// One command for the demo: install if needed, build for production, migrate, seed and serve on :3000.
// `npm run demo -- --no-build` reuses the existing build.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { run } from "./run-child.mjs";

const { values } = parseArgs({ options: { "no-build": { type: "boolean", default: false } } });

async function step(command, args) {
  const status = await run(command, args);
  if (status !== 0) process.exit(status);
}

if (!existsSync("node_modules/.package-lock.json")) await step("npm", ["ci"]);
if (!values["no-build"]) await step(process.execPath, ["node_modules/next/dist/bin/next", "build"]);

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
process.exit(await run(process.execPath, ["scripts/serve.mjs", "--port", port]));
