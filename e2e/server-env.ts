// The environment of an e2e server: the one Playwright starts, and the second and third instances the
// cross-instance spec starts beside it on the same database (they must agree on everything they share).
import { E2E_SECRETS } from "./secrets";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

/**
 * The server on `port`. Every instance talks to one Skip Pay, the first server's sandbox.
 */
export function serverEnv(port: number): Record<string, string> {
  return {
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    // Skip Pay (sandbox) credentials and the session secret: distinctive, so leaks can be searched for.
    ...E2E_SECRETS,
    SKIPPAY_BASE_URL: `${E2E_BASE_URL}/sandbox`,
    // The others stand as behind a load balancer whose address is the first's: it is their public URL (so its
    // /sandbox is their own sandbox, whose state is in the shared database), and loopback is their proxy.
    ...(port === E2E_PORT
      ? { APP_URL: E2E_BASE_URL }
      : { APP_URL: E2E_BASE_URL, TRUSTED_PROXIES: "127.0.0.1", SANDBOX_SEED: "none" }),
    // Short enough that the timeout fault is quick to test, long enough for a busy 2-core CI machine.
    SKIPPAY_TIMEOUT_MS: "3000",
    SANDBOX_FAULT_TIMEOUT_MS: "6000",
    // An unclear outcome is settled (or handed to a supervisor) 25 s after its call (the least 3 s allows is 19).
    OPERATION_LEASE_SECONDS: "25",
    // Every spec signs in fresh contexts from one address: the per-IP limit must leave room for that.
    LOGIN_ATTEMPTS_PER_MINUTE: "60",
    // A fresh database for every run: in-memory PGlite, or the PostgreSQL given by TEST_POSTGRES=1.
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : { PGLITE_DIR: "memory" }),
  };
}
