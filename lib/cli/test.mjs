// `npm test`: everything, from a fresh clone. Installs Debian's Chromium (apt, only when missing) and the npm
// dependencies, then runs format/lint, typecheck, unit + integration tests, the production build and the
// Playwright e2e suite. With TEST_POSTGRES=1 the tests run against a throwaway PostgreSQL instead of PGlite.
// Ends with one summary line: `N passed, N failed, N skipped`.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import E2E_SECRETS from "../../e2e/secrets.json" with { type: "json" };
import {
  baseEnv,
  CHROMIUM,
  ensureBuild,
  ensureChromium,
  ensureDependencies,
  log,
  ROOT,
  run,
} from "./shared.mjs";

const REPORTS = path.join(ROOT, ".reports");
const usePostgres = process.env.TEST_POSTGRES === "1";
const bin = (name) => path.join(ROOT, "node_modules/.bin", name);

const steps = [];
function record(name, ok, detail = "") {
  steps.push({ name, ok, detail });
  log(`${ok ? "\x1b[32m✓\x1b[0m" : "\x1b[31m✗\x1b[0m"} ${name}${detail ? ` — ${detail}` : ""}`);
}

function startPostgres() {
  const result = spawnSync("bash", [path.join(ROOT, "lib/cli/pg-up.sh")], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = result.stdout
    .trim()
    .split("\n")
    .pop()
    ?.replace(/^DATABASE_URL=/, "");
  if (result.status !== 0 || !url?.startsWith("postgres")) throw new Error("could not start PostgreSQL");
  return url;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function vitestCounts() {
  const report = readJson(path.join(REPORTS, "vitest.json"));
  if (!report) return null;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0),
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

function playwrightCounts() {
  const report = readJson(path.join(REPORTS, "playwright.json"));
  if (!report?.stats) return null;
  const { expected = 0, unexpected = 0, skipped = 0, flaky = 0 } = report.stats;
  return { passed: expected, failed: unexpected + flaky, skipped };
}

// Which tests failed, a line each with the start of their error: CI shows only the end of its output, so a failure
// must be named there, not only where it happened.
const COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"); // the reporters' colour codes
function firstLine(text) {
  return (
    (text ?? "")
      .replace(COLOUR, "")
      .split("\n")
      .find((l) => l.trim())
      ?.trim()
      .slice(0, 200) ?? ""
  );
}

function failedTests() {
  const lines = [];
  for (const file of readJson(path.join(REPORTS, "vitest.json"))?.testResults ?? []) {
    const where = path.relative(ROOT, file.name);
    const failed = file.assertionResults.filter((a) => a.status === "failed");
    for (const a of failed)
      lines.push(`vitest ${where} › ${a.fullName} — ${firstLine(a.failureMessages?.[0])}`);
    if (file.status === "failed" && failed.length === 0)
      lines.push(`vitest ${where} — ${firstLine(file.message)}`);
  }
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.status !== "unexpected" && test.status !== "flaky") continue;
        const error = test.results.find((r) => r.errors?.length)?.errors[0]?.message;
        lines.push(
          `playwright ${spec.file}:${spec.line} › ${spec.title} (${test.status}) — ${firstLine(error)}`,
        );
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of readJson(path.join(REPORTS, "playwright.json"))?.suites ?? []) walk(suite);
  return lines;
}

async function main() {
  const started = Date.now();
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });
  const env = { ...baseEnv(), CI: process.env.CI ?? "1", NO_COLOR: "1", FORCE_COLOR: "0" };

  try {
    await ensureChromium();
    record("system packages (chromium)", true);
    await ensureDependencies({ requireUnchangedLockfile: true });
    record("npm dependencies", true);
  } catch (error) {
    record("setup", false, error.message);
    return finish(started);
  }

  record("format + lint (biome)", (await run(bin("biome"), ["check", "."], { env })) === 0);
  // No import cycles, and imports only point down (.dependency-cruiser.cjs says which way).
  record(
    "layering (dependency-cruiser)",
    (await run(
      bin("depcruise"),
      ["--config", ".dependency-cruiser.cjs", "app", "components", "lib", "instrumentation.ts", "proxy.ts"],
      { env },
    )) === 0,
  );

  const typegen = await run(bin("next"), ["typegen"], { env });
  record("typecheck (tsc)", typegen === 0 && (await run(bin("tsc"), ["--noEmit"], { env })) === 0);

  let pg = null;
  if (usePostgres) {
    try {
      pg = startPostgres();
      env.DATABASE_URL = pg;
      record("throwaway PostgreSQL", true, pg);
    } catch (error) {
      record("throwaway PostgreSQL", false, error.message);
      return finish(started);
    }
  }

  try {
    const unit = await run(
      bin("vitest"),
      [
        "run",
        "--reporter=default",
        "--reporter=json",
        `--outputFile.json=${path.join(REPORTS, "vitest.json")}`,
      ],
      { env },
    );
    record("unit + integration tests (vitest)", unit === 0);

    let built = true;
    try {
      // The e2e server's distinctive credentials are in the build's environment too, so the test that searches
      // the client build for them would catch one inlined at build time.
      await ensureBuild({ ...env, ...E2E_SECRETS });
    } catch (error) {
      built = false;
      record("production build", false, error.message);
    }
    if (built) {
      record("production build", true);
      if (usePostgres) {
        // A fresh database for the e2e server (the unit tests used their own).
        env.DATABASE_URL = startPostgres();
      }
      const e2e = await run(bin("playwright"), ["test"], { env: { ...env, CHROMIUM_PATH: CHROMIUM } });
      record("e2e tests (playwright, chromium)", e2e === 0);
    }
  } finally {
    if (pg) spawnSync("bash", [path.join(ROOT, "lib/cli/pg-down.sh")], { stdio: "inherit" });
  }
  return finish(started);
}

function finish(started) {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  for (const counts of [vitestCounts(), playwrightCounts()]) {
    if (!counts) continue;
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
  }
  const failedSteps = steps.filter((s) => !s.ok);
  const seconds = Math.round((Date.now() - started) / 1000);
  log(
    `Steps: ${steps.map((s) => `${s.name} ${s.ok ? "ok" : "FAILED"}`).join("; ")} (${seconds} s` +
      `${usePostgres ? ", PostgreSQL" : ", PGlite"})`,
  );
  // A failed step with no test report of its own (lint, typecheck, build, setup) counts as one failure.
  const stepFailures = failedSteps.filter((s) => !/vitest|playwright/.test(s.name)).length;
  const testStepFailuresWithoutCounts =
    (failedSteps.some((s) => s.name.includes("vitest")) && !vitestCounts()?.failed ? 1 : 0) +
    (failedSteps.some((s) => s.name.includes("playwright")) && !playwrightCounts()?.failed ? 1 : 0);
  const failed = totals.failed + stepFailures + testStepFailuresWithoutCounts;
  for (const line of failedTests()) console.log(`Failed: ${line}`);
  console.log(`${totals.passed} passed, ${failed} failed, ${totals.skipped} skipped`);
  process.exit(failed > 0 || failedSteps.length > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  console.log("0 passed, 1 failed, 0 skipped");
  process.exit(1);
});
