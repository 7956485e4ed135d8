import { defineConfig } from "vitest/config";

const serverRun = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    // Vitest's default on two cores is one file at a time; the files are independent (each its
    // own database, port and browser), so two run side by side.
    maxWorkers: 2,
    // Unit and API test files share their worker's loaded modules rather than importing the app
    // anew for each file (about 4 s a file): they keep no state in modules and mock nothing, and
    // each opens its own database. Browser and fault tests keep a process of their own.
    projects: [
      {
        test: {
          name: "unit",
          isolate: false,
          include: ["src/**/*.test.ts", "src/**/*.test.tsx", "scripts/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "api",
          isolate: false,
          include: ["tests/api/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "api-postgres",
          isolate: false,
          include: serverRun ? ["tests/api/**/*.test.ts"] : ["tests/support/postgres-skipped.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts"],
          env: { KOERS_TEST_DB: "postgres" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "faults",
          include: ["tests/faults/**/*.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.e2e.ts"],
          // A page answers within seconds, not within the one second Vitest waits by default,
          // when another browser test runs beside it on the same two cores.
          expect: { poll: { timeout: 10_000 } },
          globalSetup: ["tests/support/global-setup.ts", "tests/e2e/support/browser-setup.ts"],
          // A whole journey (the self-scan with its three friends runs two minutes beside another).
          testTimeout: 300_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
