// Helpers for `npm start` and `npm test`. Plain Node with no dependencies: they run before `npm install`.
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const INSTALL_STAMP = path.join(ROOT, "node_modules/.skippay-admin-install");
const BUILD_STAMP = path.join(ROOT, ".next/source-fingerprint");
const SECRET_FILE = path.join(ROOT, ".data/session-secret");

/** Files and folders whose content decides whether the production build is current. */
const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "instrumentation.ts",
  "next.config.js",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];

export function log(message) {
  process.stdout.write(`\x1b[36m›\x1b[0m ${message}\n`);
}

function sha1(data) {
  return createHash("sha1").update(data).digest("hex");
}

export function fileHash(file) {
  return existsSync(file) ? sha1(readFileSync(file)) : "missing";
}

/** Runs a command, inheriting stdio. Resolves to its exit code (never rejects). */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", ...options });
    child.on("error", (error) => {
      process.stderr.write(`${command}: ${error.message}\n`);
      resolve(127);
    });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

export function commandExists(command) {
  return spawnSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" }).status === 0;
}

/** `npm install` when node_modules is missing or was installed from another lockfile. */
export async function ensureDependencies({ requireUnchangedLockfile = false } = {}) {
  const lockFile = path.join(ROOT, "package-lock.json");
  const before = fileHash(lockFile);
  const stamp = existsSync(INSTALL_STAMP) ? readFileSync(INSTALL_STAMP, "utf8") : "";
  if (stamp === before && existsSync(path.join(ROOT, "node_modules/.bin/next"))) return;

  // `npm ci` rejects lockfiles written on this platform (other-platform optional packages are absent from
  // the registry), so install from the lockfile and verify it did not change.
  log("Installing npm dependencies (npm install)…");
  const code = await run("npm", ["install", "--no-audit", "--no-fund"]);
  if (code !== 0) throw new Error(`npm install failed with exit code ${code}`);
  const after = fileHash(lockFile);
  if (requireUnchangedLockfile && after !== before) {
    throw new Error("package-lock.json changed during npm install: commit the updated lockfile");
  }
  writeFileSync(INSTALL_STAMP, after);
}

function hashTree(hash, relative) {
  const full = path.join(ROOT, relative);
  if (!existsSync(full)) return;
  const stat = statSync(full);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(full).sort()) {
      if (entry === "node_modules" || entry.startsWith(".")) continue;
      hashTree(hash, path.join(relative, entry));
    }
    return;
  }
  // Tests do not end up in the build.
  if (/\.test\.tsx?$/.test(relative)) return;
  hash.update(relative);
  hash.update(readFileSync(full));
}

export function sourceFingerprint() {
  const hash = createHash("sha1");
  for (const input of BUILD_INPUTS) hashTree(hash, input);
  return hash.digest("hex");
}

/** `next build` unless the existing build was made from exactly the current sources. */
export async function ensureBuild(env) {
  const fingerprint = sourceFingerprint();
  const current =
    existsSync(path.join(ROOT, ".next/BUILD_ID")) &&
    existsSync(BUILD_STAMP) &&
    readFileSync(BUILD_STAMP, "utf8") === fingerprint;
  if (current) {
    log("Production build is up to date.");
    return;
  }
  log("Building the production app (next build)…");
  const code = await run(path.join(ROOT, "node_modules/.bin/next"), ["build"], { env });
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
  writeFileSync(BUILD_STAMP, fingerprint);
}

/**
 * SESSION_SECRET signs staff sessions. When it is not set, generate a random one once and keep it in .data/
 * (git-ignored) so sessions survive restarts. Several instances behind a load balancer must share one: set it.
 */
export function ensureSessionSecret(env) {
  if (env.SESSION_SECRET) return env;
  if (!existsSync(SECRET_FILE)) {
    mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
    writeFileSync(SECRET_FILE, randomBytes(32).toString("base64url"), { mode: 0o600 });
    log("Generated a random SESSION_SECRET in .data/session-secret");
  }
  return { ...env, SESSION_SECRET: readFileSync(SECRET_FILE, "utf8").trim() };
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function asRoot(args) {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot && !commandExists("sudo")) throw new Error("installing system packages needs root (or sudo)");
  return isRoot ? args : ["sudo", "-n", ...args];
}

/** Debian's Chromium (apt), when it is missing: Playwright's own browser downloads do not work here. */
export async function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  log(`Installing Debian's chromium (apt; ${CHROMIUM} is missing)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const [cmd, ...args] = asRoot(["apt-get", "update", "-qq"]);
  if ((await run(cmd, args, { env })) !== 0) throw new Error("apt-get update failed");
  const [icmd, ...iargs] = asRoot(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"]);
  if ((await run(icmd, iargs, { env })) !== 0) throw new Error("apt-get install chromium failed");
}

export function baseEnv() {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
}
