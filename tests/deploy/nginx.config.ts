// The deployment subset: the browser talks to a real nginx in front of two app instances that
// share one database (tests/deploy/nginx-stack.mjs).  npm run e2e:nginx
import path from "node:path";
import { defineConfig } from "@playwright/test";
import main from "../../playwright.config";

const PORT = Number(process.env.DEPLOY_PORT ?? 3180);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  ...main,
  testDir: ".",
  testMatch: "nginx.spec.ts",
  timeout: 90_000,
  use: { ...main.use, baseURL },
  webServer: {
    command: "node tests/deploy/nginx-stack.mjs",
    cwd: path.resolve(import.meta.dirname, "../.."),
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
