// Vitest global setup: with PGlite, migrate one database and dump it as the template every test file loads.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { PGLITE_TEMPLATE } from "./paths";

export default async function setup() {
  if (process.env.DATABASE_URL) return;
  const { PGlite } = await import("@electric-sql/pglite");
  const { attachPglite, pgliteExtensions } = await import("@/lib/db/client");
  const client = new PGlite({ extensions: await pgliteExtensions() });
  await attachPglite(client);
  const dump = await client.dumpDataDir("none");
  await mkdir(path.dirname(PGLITE_TEMPLATE), { recursive: true });
  await writeFile(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  await client.close();
}
