// Vitest global setup: with PGlite, migrate one database and dump it as the template every test file loads.
import { mkdir, rename, writeFile } from "node:fs/promises";
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
  // Written aside and renamed: a test file or the bench loading it meanwhile reads the old one whole.
  const aside = `${PGLITE_TEMPLATE}.${process.pid}`;
  await writeFile(aside, Buffer.from(await dump.arrayBuffer()));
  await rename(aside, PGLITE_TEMPLATE);
  await client.close();
}
