// One process per PGlite directory: PGlite has no lock of its own, and two processes on one directory each saw
// their own, diverging database. Real processes: the create-admin command, a holder killed with SIGKILL.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DatabaseInUseError, openDatabase } from "./client";

const ROOT = path.resolve(import.meta.dirname, "../..");
const scratch = mkdtempSync(path.join(tmpdir(), "pglite-lock-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true, maxRetries: 5 }));
// Each test starts processes that load TypeScript and open a PGlite directory: seconds each on a busy machine.
const SLOW = 180_000;

function tsNode(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ["--import", "./lib/cli/register.mjs", ...args], {
    cwd: ROOT,
    // PGlite whatever the suite runs against: an empty DATABASE_URL counts as unset.
    env: { ...process.env, DATABASE_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

function finished(child: ChildProcess): Promise<{ code: number | null; out: string }> {
  let out = "";
  child.stdout?.on("data", (d) => (out += d));
  child.stderr?.on("data", (d) => (out += d));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, out })));
}

function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d) => {
      out += d;
      if (out.includes("ready")) resolve();
    });
    child.on("close", (code) => reject(new Error(`the holder ended (${code}) before it was ready`)));
  });
}

describe("one process per PGlite directory", () => {
  it(
    "refuses create-admin on a directory the app holds, naming the process; frees it on close",
    async () => {
      const dir = path.join(scratch, "app");
      const app = await openDatabase({ kind: "pglite", dir });
      try {
        const owner = JSON.parse(readFileSync(`${dir}.lock`, "utf8"));
        expect(owner).toMatchObject({ pid: process.pid, command: expect.stringContaining("node") });
        const cli = await finished(
          tsNode(["lib/cli/create-admin.ts", "--email", "second@shop.cz"], {
            PGLITE_DIR: dir,
            ADMIN_PASSWORD: "a-long-password-1",
          }),
        );
        expect(cli.code).toBe(1);
        expect(cli.out).toContain(`The database directory ${dir} is in use by process ${process.pid} (`);
        // In this process too: a second open of the same directory would be a second, diverging database.
        await expect(openDatabase({ kind: "pglite", dir })).rejects.toBeInstanceOf(DatabaseInUseError);
      } finally {
        await app.close();
      }
      expect(existsSync(`${dir}.lock`)).toBe(false);
      const again = await openDatabase({ kind: "pglite", dir });
      await again.close();
    },
    SLOW,
  );

  it(
    "takes over the lock of a process that was killed",
    async () => {
      const dir = path.join(scratch, "killed");
      const holder = tsNode(["lib/testing/hold-database.ts", dir]);
      const ended = finished(holder);
      await ready(holder);
      await expect(openDatabase({ kind: "pglite", dir })).rejects.toThrow(
        new RegExp(`is in use by process ${holder.pid} \\(.*hold-database\\.ts`),
      );
      holder.kill("SIGKILL");
      await ended;
      // The killed holder could not remove its lock; its process is gone, so the lock is stale.
      expect(JSON.parse(readFileSync(`${dir}.lock`, "utf8")).pid).toBe(holder.pid);
      const database = await openDatabase({ kind: "pglite", dir });
      expect(JSON.parse(readFileSync(`${dir}.lock`, "utf8")).pid).toBe(process.pid);
      await database.close();
    },
    SLOW,
  );
});
