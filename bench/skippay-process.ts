// Skip Pay for P6, in a process of its own: the embedded sandbox served over HTTP with its own database (on the
// server in DATABASE_URL), as a real Skip Pay would be another machine's work. Prints `SKIPPAY=<base URL>`.
import migrateTemplate from "@/lib/testing/global-setup";
import { startSandboxServer } from "@/lib/testing/sandbox-server";

// With PGlite the sandbox's database loads from the tests' migrated template, which a fresh clone has not made yet.
await migrateTemplate();
const server = await startSandboxServer();
console.log(`SKIPPAY=${server.baseUrl}`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
