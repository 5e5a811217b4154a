// The unit tests again, every database among them on the Hrana test server instead of a file:
//   npm run test:hrana
import { defineConfig, mergeConfig } from "vitest/config";
import base from "../../vitest.config";

export default mergeConfig(
  base,
  defineConfig({
    test: {
      globalSetup: ["tests/hrana/global-setup.ts"],
      setupFiles: ["tests/hrana/remote-databases.ts"],
    },
  }),
);
