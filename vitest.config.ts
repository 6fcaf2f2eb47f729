import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    // Generated-project checks run Python tools; two cores, so two files at once.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 600_000,
  },
});
