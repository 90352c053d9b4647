// Opens a PGlite directory in a process of its own and keeps it open until killed: "another process on the same
// directory" for the tests. Usage: node --import ./lib/cli/register.mjs lib/testing/hold-database.ts <dir>
import { openDatabase } from "@/lib/db/client";

await openDatabase({ kind: "pglite", dir: process.argv[2] as string });
process.stdout.write("ready\n");
setInterval(() => {}, 1 << 30);
