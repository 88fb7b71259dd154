import { defineConfig } from "vitest/config";

// Unit tests are pure and fast; integration tests start real PostgreSQL / the Jira simulator /
// Chromium themselves (see server/testing/). Both run in `npm test`.
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: "forks",
    maxWorkers: 2,
    // The JSON report lets CI print one closing "N passed, N failed" line (see .ci/run).
    reporters: ["default", ["json", { outputFile: "test-artifacts/vitest-results.json" }]],
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["**/*.unit.test.ts"], exclude: ["node_modules/**", "dist/**"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.integration.test.ts", "e2e/**/*.e2e.test.ts"],
          exclude: ["node_modules/**", "dist/**"],
          globalSetup: ["server/testing/global-setup.ts"],
        },
      },
    ],
  },
});
