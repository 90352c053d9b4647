import { defineConfig, devices } from "@playwright/test";
import { E2E_BASE_URL as BASE_URL, E2E_PORT as PORT, serverEnv } from "./e2e/server-env";

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
};

// The e2e suite drives the real production build (`next build` first; `npm test` does it) in Debian's Chromium.
export default defineConfig({
  testDir: "./e2e",
  // Several instances on one database need a database server: the cross-instance spec runs with TEST_POSTGRES=1.
  testIgnore: process.env.DATABASE_URL ? [] : ["**/instances.spec.ts"],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // Retries would hide flakiness; a failing test must fail the run.
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"], ["json", { outputFile: ".reports/playwright.json" }]] : "list",
  // English UI (from the browser's language), Prague time: what the assertions are written in.
  use: { baseURL: BASE_URL, trace: "retain-on-failure", locale: "en-GB", timezoneId: "Europe/Prague" },
  projects: [
    // Signs each demo role in once through the login page and keeps its session for the specs.
    { name: "setup", testMatch: /auth\.setup\.ts/, use: chromium },
    {
      name: "chromium",
      dependencies: ["setup"],
      use: { ...chromium, storageState: ".reports/auth/agent.json" },
    },
  ],
  webServer: {
    // The production server `npm start` runs (Next's, appending the connecting address to X-Forwarded-For).
    command: `node lib/cli/server.mjs -H 127.0.0.1 -p ${PORT}`,
    url: `${BASE_URL}/healthz`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    env: serverEnv(PORT),
  },
});
