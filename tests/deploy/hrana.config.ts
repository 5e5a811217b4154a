// A smoke test of the app on a libSQL server (the Hrana 2 test server standing in for sqld),
// migrated and seeded over HTTP by tests/deploy/hrana-stack.mjs.  npm run e2e:hrana
import path from "node:path";
import { defineConfig } from "@playwright/test";
import main from "../../playwright.config";

const HRANA_PORT = Number(process.env.HRANA_PORT ?? 3172);
const baseURL = `http://127.0.0.1:${HRANA_PORT + 1}`;

export default defineConfig({
  ...main,
  testDir: ".",
  testMatch: "hrana.spec.ts",
  use: { ...main.use, baseURL },
  webServer: {
    command: "node tests/deploy/hrana-stack.mjs",
    cwd: path.resolve(import.meta.dirname, "../.."),
    url: `${baseURL}/api/ready`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
