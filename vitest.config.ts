import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/unit/server-only-stub.ts"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "lib/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    // The second factor's keys (lib/auth/two-factor-keys.ts); without it tests would write .auth-secret.
    env: { TWO_FACTOR_KEY: "unit-tests-only-two-factor-key-0123456789" },
  },
});
