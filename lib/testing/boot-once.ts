// Runs the server's start-up (lib/boot.ts, configured from the environment) once and exits, as `next start`
// would begin: start-up in tests. Usage: node --import ./lib/cli/register.mjs lib/testing/boot-once.ts
import { boot } from "@/lib/boot";

await boot();
process.exit(0);
