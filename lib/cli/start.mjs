// `npm start`: install what is missing, build if the sources changed, then serve the production app.
// Migrations and the sandbox's demo data are applied by the server itself at boot (instrumentation.ts).

import { spawn } from "node:child_process";
import path from "node:path";
import { baseEnv, ensureBuild, ensureDependencies, ensureSessionSecret, log, ROOT } from "./shared.mjs";

async function main() {
  await ensureDependencies();
  const env = ensureSessionSecret(baseEnv());
  await ensureBuild(env);
  const port = env.PORT ?? "3000";
  log(`Starting on http://localhost:${port}`);
  // exec-like: forward signals so stopping `npm start` stops the server (no orphaned next-server). The server is
  // Next's own behind one that vouches for the connecting address (server.mjs).
  const child = spawn(process.execPath, [path.join(ROOT, "lib/cli/server.mjs"), "-p", port], {
    cwd: ROOT,
    env,
    stdio: "inherit",
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

main().catch((error) => {
  console.error(`npm start failed: ${error.message}`);
  process.exit(1);
});
