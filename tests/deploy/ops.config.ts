// Operations: binding, draining, backups, logs, demo signals. Each test starts its own servers
// from the production build (npm run build first).  npm run e2e:ops
import { defineConfig } from "@playwright/test";
import main from "../../playwright.config";

export default defineConfig({
  ...main,
  testDir: ".",
  testMatch: "ops.spec.ts",
  timeout: 120_000,
  webServer: undefined,
});
