import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

// The end-to-end tests in a real browser (test/browser): Debian's Chromium, which plain `npm test`
// does not need. `npm run test:browser` installs it when missing and runs these alone.
// (Spread, not mergeConfig: that would concatenate include and exclude with the base's.)
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["test/browser/**/*.test.ts"],
    exclude: ["node_modules/**"],
    testTimeout: 60_000,
  },
});
