// `npm run bench`: install what is missing, build if the sources changed, then run bench/run.ts (TypeScript, via
// tsx) against the production build. Prints the results and writes bench/results.md.
import path from "node:path";
import { baseEnv, CHROMIUM, ensureBuild, ensureChromium, ensureDependencies, ROOT, run } from "./shared.mjs";

async function main() {
  await ensureChromium();
  await ensureDependencies();
  const env = baseEnv();
  await ensureBuild(env);
  const code = await run(
    process.execPath,
    ["--import", "./lib/cli/register.mjs", path.join(ROOT, "bench/run.ts")],
    {
      env: { ...env, CHROMIUM_PATH: CHROMIUM },
    },
  );
  process.exit(code);
}

main().catch((error) => {
  console.error(`npm run bench failed: ${error.message}`);
  process.exit(1);
});
