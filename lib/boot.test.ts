// The server's start-up in a process of its own, as `next start` runs it (lib/testing/boot-once.ts), on a PGlite
// directory the test reads afterwards: which mode it runs in, what it creates, what it refuses.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./db/client";
import { users } from "./db/schema";
import { sandboxApplications } from "./sandbox/schema";

const ROOT = path.resolve(import.meta.dirname, "..");
const scratch = mkdtempSync(path.join(tmpdir(), "boot-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true, maxRetries: 5 }));

const BASE = {
  SESSION_SECRET: "boot-test-6f0c3e2a9b814d7c5e1f0a3b2c4d6e8f",
  NODE_ENV: "production" as const,
};
// Each start-up initialises and migrates a PGlite directory in a fresh process: seconds each on a busy machine.
const SLOW = 180_000;
const PARTNER = { SKIPPAY_USERNAME: "eshop", SKIPPAY_PASSWORD: "partner-secret" };

function boot(env: Record<string, string>): Promise<{ code: number | null; log: string }> {
  const child = spawn(process.execPath, ["--import", "./lib/cli/register.mjs", "lib/testing/boot-once.ts"], {
    cwd: ROOT,
    // Only what the test gives: nothing of this machine's own configuration.
    env: { PATH: process.env.PATH ?? "", ...BASE, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, log })));
}

async function inDatabase<T>(
  dir: string,
  read: (db: Awaited<ReturnType<typeof openDatabase>>["db"]) => Promise<T>,
) {
  const database = await openDatabase({ kind: "pglite", dir });
  try {
    return await read(database.db);
  } finally {
    await database.close();
  }
}

describe("start-up", () => {
  it(
    "runs against another instance's sandbox as production: its admin, no demo accounts, and says so",
    async () => {
      const dir = path.join(scratch, "other-sandbox");
      const { code, log } = await boot({
        PORT: "3101",
        APP_URL: "http://127.0.0.1:3101",
        SKIPPAY_BASE_URL: "http://127.0.0.1:3100/sandbox",
        ...PARTNER,
        ADMIN_EMAIL: "boss@shop.cz",
        ADMIN_PASSWORD: "admin-password-1",
        PGLITE_DIR: dir,
      });
      expect(code, log).toBe(0);
      expect(log).toContain("[boot] mode: production — Skip Pay at http://127.0.0.1:3100/sandbox");
      expect(log).toContain("[boot] created the admin account boss@shop.cz");
      const accounts = await inDatabase(dir, (db) =>
        db.select({ email: users.email, role: users.role }).from(users),
      );
      expect(accounts).toEqual([{ email: "boss@shop.cz", role: "admin" }]);
    },
    SLOW,
  );

  it(
    "refuses partner credentials with the embedded sandbox, saying why",
    async () => {
      const { code, log } = await boot({ ...PARTNER, PGLITE_DIR: path.join(scratch, "refused") });
      expect(code).toBe(1);
      expect(log).toContain("Invalid configuration:");
      expect(log).toContain("SKIPPAY_USERNAME: partner credentials are set but SKIPPAY_BASE_URL is not set");
    },
    SLOW,
  );

  it(
    "never puts demo data or accounts into a database that has run against Skip Pay",
    async () => {
      const dir = path.join(scratch, "was-remote");
      const remote = await boot({
        SKIPPAY_BASE_URL: "https://api.partner.skippay.cz",
        ...PARTNER,
        PGLITE_DIR: dir,
      });
      expect(remote.code, remote.log).toBe(0);
      expect(remote.log).toContain("[boot] no admin can sign in");
      // Later started as the sandbox (SKIPPAY_BASE_URL forgotten): still no demo accounts, and the log says why.
      const sandbox = await boot({ PGLITE_DIR: dir });
      expect(sandbox.code, sandbox.log).toBe(0);
      expect(sandbox.log).toContain(
        "[boot] mode: sandbox — the embedded Skip Pay sandbox at http://127.0.0.1:3000/sandbox",
      );
      expect(sandbox.log).toContain(
        "this database has run against Skip Pay at https://api.partner.skippay.cz (since ",
      );
      const left = await inDatabase(dir, async (db) => ({
        accounts: await db.select().from(users),
        applications: await db.select().from(sandboxApplications),
      }));
      expect(left).toEqual({ accounts: [], applications: [] });
    },
    SLOW,
  );
});
