import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
const DATABASE_URL = "file:./data/e2e.db";

// Tests arrange and inspect data through the app's own query modules (e2e/support/arrange.ts), against
// the server's database. Those modules are marked server-only: the react-server condition lets the
// worker processes load them, as `tsx --conditions=react-server` does for the scripts. Workers are
// forked with this process's environment; the web server gets the inherited NODE_OPTIONS back.
const inheritedNodeOptions = (process.env.NODE_OPTIONS ?? "").replace("--conditions=react-server", "").trim();
process.env.NODE_OPTIONS = `${inheritedNodeOptions} --conditions=react-server`.trim();
process.env.DATABASE_URL = DATABASE_URL;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    locale: "zh-CN",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: `node scripts/serve.mjs --port ${PORT} --db ${DATABASE_URL} --fresh`,
    env: { NODE_OPTIONS: inheritedNodeOptions },
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
