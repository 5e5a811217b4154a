// The database unit tests again (every test file that opens a database), each database on the
// Hrana test server instead of a file:  npm run test:hrana
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";
import base from "../../vitest.config";

const unit = path.join(import.meta.dirname, "../unit");
// About the database file itself: another process holding its write lock (a server has no file).
const fileOnly = new Set(["group-commit-lock.test.ts"]);
const databaseTests = readdirSync(unit)
  .filter((f) => f.endsWith(".test.ts") && !fileOnly.has(f))
  .filter((f) => readFileSync(path.join(unit, f), "utf8").includes("openClient("))
  .map((f) => `tests/unit/${f}`);

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: databaseTests,
    globalSetup: ["tests/hrana/global-setup.ts"],
    setupFiles: ["tests/hrana/remote-databases.ts"],
  },
});
