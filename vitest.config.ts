import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // Node loads graphql 16's CommonJS entry for Pothos and yoga; Vite would pick the .mjs one, and
    // two copies of graphql refuse each other's types.
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
  test: {
    include: ["test/**/*.test.ts"],
    // in a real browser: vitest.browser.config.ts (npm run test:browser)
    // npm run test:faults runs test/faults alone: it restarts PostgreSQL and Redis
    exclude: ["test/browser/**", "test/faults/**", "node_modules/**"],
    globalSetup: ["test/helpers/global-setup.ts"],
    // each test file runs in its own process with its own database
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ["default"],
  },
});
