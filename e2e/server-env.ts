// The environment of an e2e server: the one Playwright starts, and the second and third instances the
// cross-instance spec starts beside it on the same database (they must agree on everything they share).
import { E2E_SECRETS } from "./secrets";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

/**
 * The server on `port`. Every instance talks to one Skip Pay, the first server's sandbox; to the others it is a
 * sandbox on this machine too (its state is in the shared database), so they count as sandbox-backed.
 */
export function serverEnv(port: number): Record<string, string> {
  return {
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    // Skip Pay (sandbox) credentials and the session secret: distinctive, so leaks can be searched for.
    ...E2E_SECRETS,
    SKIPPAY_BASE_URL: `${E2E_BASE_URL}/sandbox`,
    // Short enough that the timeout fault is quick to test, long enough for a busy 2-core CI machine.
    SKIPPAY_TIMEOUT_MS: "3000",
    SANDBOX_FAULT_TIMEOUT_MS: "6000",
    // Every spec signs in fresh contexts from one address: the per-IP limit must leave room for that.
    LOGIN_ATTEMPTS_PER_MINUTE: "60",
    // A fresh database for every run: in-memory PGlite, or the PostgreSQL given by TEST_POSTGRES=1.
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : { PGLITE_DIR: "memory" }),
  };
}
