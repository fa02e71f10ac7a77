import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: one on the two-core CI machine, which
    // ran the files one after another. Most files wait on sockets and timers, not the processor.
    maxWorkers: 3,
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Derived data is built in each test process, once per inputs, and kept in its memory only:
    // no test depends on a cache an earlier run left (most of the suite's time was rebuilding the
    // knowledge index for every app a test started).
    env: { INCUBOT_ARTIFACTS: "memory" },
  },
});
