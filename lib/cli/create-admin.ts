// `npm run create-admin -- --email admin@shop.cz --name "Jana Nováková"`: creates an administrator account.
// The password comes from ADMIN_PASSWORD or is typed at the prompt (never a default). Uses the same configuration
// as the app (DATABASE_URL, or PGlite in PGLITE_DIR — stop the app first: PGlite allows one process at a time, and
// a directory in use is refused with the process that holds it).
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { createAuth } from "@/lib/auth/auth";
import { createStaffUser } from "@/lib/auth/users";
import { ConfigError, parseConfig } from "@/lib/config";
import { DatabaseInUseError, openDatabase } from "@/lib/db/client";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
  const email = values.email?.trim();
  if (!email || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    console.error('usage: npm run create-admin -- --email admin@shop.cz [--name "Full Name"]');
    return 2;
  }
  let password = process.env.ADMIN_PASSWORD;
  if (!password) {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    password = await rl.question("Password for the new administrator (at least 12 characters): ");
    rl.close();
  }
  if (!password || password.length < 12) {
    console.error("The password must have at least 12 characters.");
    return 2;
  }
  // SESSION_SECRET is needed to build the auth configuration but not to create an account.
  const cfg = parseConfig({
    SESSION_SECRET: randomBytes(32).toString("base64url"),
    ...process.env,
    ADMIN_EMAIL: undefined,
    ADMIN_PASSWORD: undefined,
  });
  const database = await openDatabase(cfg.database);
  try {
    const auth = createAuth(database.db, cfg);
    await createStaffUser(auth, database.db, {
      email,
      name: values.name?.trim() || "Administrator",
      role: "admin",
      password,
    });
    console.log(`Created the administrator ${email}.`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await database.close();
  }
}

main()
  .then((code) => process.exit(code))
  .catch((error) => {
    console.error(
      error instanceof ConfigError || error instanceof DatabaseInUseError ? error.message : error,
    );
    process.exit(1);
  });
