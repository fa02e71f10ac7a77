import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Every test builds derived data in process: no test depends on a cache an earlier run left.
    env: { INCUBOT_ARTIFACTS: "off" },
  },
});
