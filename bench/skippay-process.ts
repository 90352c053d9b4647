// Skip Pay for P6, in a process of its own: the embedded sandbox served over HTTP with its own database (on the
// server in DATABASE_URL), as a real Skip Pay would be another machine's work. Prints `SKIPPAY=<base URL>`.
import { startSandboxServer } from "@/lib/testing/sandbox-server";

const server = await startSandboxServer();
console.log(`SKIPPAY=${server.baseUrl}`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
