// One command for the demo: install if needed, build for production (only when the sources changed
// since the last build), migrate, seed and serve on :3000.
//   --build     build even when the stamp says the build is current
//   --no-build  reuse the existing build whatever changed
//   --fresh     delete the demo database first (data/app.db): a new demo bank
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { buildState, sourceDigest, writeBuildStamp } from "./build-stamp.mjs";
import { run } from "./run-child.mjs";

const { values } = parseArgs({
  options: {
    build: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    fresh: { type: "boolean", default: false },
  },
});

async function step(command, args) {
  const status = await run(command, args);
  if (status !== 0) process.exit(status);
}

const root = process.cwd();
if (!existsSync("node_modules/.package-lock.json")) await step("npm", ["ci"]);
const state = values.build ? "forced" : values["no-build"] ? "skipped" : buildState(root);
if (state === "current") {
  console.log(
    "demo: the build in .next matches the sources; not rebuilding (npm run demo -- --build forces it)",
  );
} else if (state !== "skipped") {
  const digest = sourceDigest(root);
  console.log(
    `demo: building (${state === "missing" ? "no build yet" : state === "forced" ? "--build" : "sources changed"}); the first build takes a few minutes`,
  );
  await step(process.execPath, ["node_modules/next/dist/bin/next", "build"]);
  writeBuildStamp(root, digest);
}

const port = process.env.PORT ?? "3000";
console.log(`
柜面服务技能训练平台 / Counter Service Skills Training
  URL: http://localhost:${port}  (ready when the server logs that it is listening)
  Demo accounts (password Demo@2026, demo only):
    E1001  learner  学员      静安支行 (华东分行)
    E1006  learner  学员      福田支行 (华南分行), one role-play (迎接客户) short of the certificate
    E2001  trainer  培训师    总行
    E3001  manager  管理者    华东分行
    E3002  manager  管理者    华南分行
    E9001  admin    系统管理员 总行
`);
const serve = ["scripts/serve.mjs", "--port", port, ...(values.fresh ? ["--fresh"] : [])];
process.exit(await run(process.execPath, serve));
