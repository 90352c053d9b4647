import { defineConfig, devices } from "@playwright/test";
import { E2E_SECRETS } from "./e2e/secrets";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const BASE_URL = `http://127.0.0.1:${PORT}`;

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" },
};

// The e2e suite drives the real production build (`next build` first; `npm test` does it) in Debian's Chromium.
export default defineConfig({
  testDir: "./e2e",
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
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(PORT),
      APP_URL: BASE_URL,
      // Skip Pay (sandbox) credentials and the session secret: distinctive, so leaks can be searched for.
      ...E2E_SECRETS,
      SKIPPAY_BASE_URL: `${BASE_URL}/sandbox`,
      // Short enough that the timeout fault is quick to test, long enough for a busy 2-core CI machine.
      SKIPPAY_TIMEOUT_MS: "3000",
      SANDBOX_FAULT_TIMEOUT_MS: "6000",
      // An unclear outcome is settled (or handed to a supervisor) 25 s after its call (the least 3 s allows is 19).
      OPERATION_LEASE_SECONDS: "25",
      // Every spec signs in fresh contexts from one address: the per-IP limit must leave room for that.
      LOGIN_ATTEMPTS_PER_MINUTE: "60",
      // A fresh database for every run: in-memory PGlite, or the PostgreSQL given by TEST_POSTGRES=1.
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : { PGLITE_DIR: "memory" }),
    },
  },
});
