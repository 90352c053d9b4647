// Server start-up: configuration first (fail fast with every problem listed), then the database and migrations,
// then what the mode needs: against the embedded sandbox the demo data (never in a database that has run against
// a real Skip Pay), in production the configured admin. The log says which mode it is.
import "server-only";
import { type Auth, getAuth, secureCookies } from "@/lib/auth/auth";
import {
  accountsWithoutPassword,
  adminCanSignIn,
  disableDemoAccounts,
  ensureAdmin,
  seedDemoUsers,
} from "@/lib/auth/users";
import { type AppConfig, ConfigError, config } from "@/lib/config";
import { upsertApplication } from "@/lib/db/applications";
import { type Db, database } from "@/lib/db/client";
import { recordRemote, remoteHistory } from "@/lib/db/history";
import { renderApplication } from "@/lib/sandbox/render";
import { seedDemoApplications } from "@/lib/sandbox/seed";
import { loadApplication } from "@/lib/sandbox/store";

async function startSandbox(cfg: AppConfig, db: Db, auth: Auth): Promise<void> {
  console.info(
    `[boot] mode: sandbox — the embedded Skip Pay sandbox at ${cfg.skippay.baseUrl}; no real applications or money`,
  );
  const history = await remoteHistory(db);
  if (history) {
    console.warn(
      `[boot] sandbox: this database has run against Skip Pay at ${history.baseUrl} (since ${history.since.toISOString()}): no demo data or demo accounts are created in it`,
    );
    return;
  }
  if (cfg.sandbox.seed === "demo") {
    const created = await seedDemoApplications(
      db,
      cfg.skippay.baseUrl,
      `${cfg.appUrl}/api/skippay/notifications`,
    );
    // The admin learns about applications from Skip Pay's answers and notifications; the demo ones were
    // created before the server listened, so index them directly.
    for (const id of created) {
      const readAt = new Date();
      const app = await loadApplication(db, id);
      if (app) await upsertApplication(db, renderApplication(app), readAt);
    }
    if (created.length > 0) console.info(`[boot] sandbox: created ${created.length} demo applications`);
  }
  // Demo accounts only ever exist against the sandbox (documented in the README).
  const demo = await seedDemoUsers(auth, db);
  if (demo > 0) console.info(`[boot] sandbox: created ${demo} demo staff accounts (password in the README)`);
}

async function startProduction(cfg: AppConfig, db: Db, auth: Auth): Promise<void> {
  console.info(`[boot] mode: production — Skip Pay at ${cfg.skippay.baseUrl}`);
  // From now on this database never gets demo data or demo accounts, whatever a later configuration says.
  await recordRemote(db, cfg.skippay.baseUrl);
  const disabled = await disableDemoAccounts(auth, db);
  if (disabled.length > 0)
    console.warn(
      `[boot] disabled the demo accounts ${disabled.join(", ")}: they still had the README's password, and this database now runs against Skip Pay`,
    );
  const admin = cfg.staff.admin && (await ensureAdmin(auth, db, cfg.staff.admin));
  if (admin === "created") console.info(`[boot] created the admin account ${cfg.staff.admin?.email}`);
  if (admin === "repaired")
    console.info(`[boot] gave the admin account ${cfg.staff.admin?.email} its password (it had none)`);
  if (!(await adminCanSignIn(db)))
    console.warn(
      "[boot] no admin can sign in: set ADMIN_EMAIL and ADMIN_PASSWORD, or run `npm run create-admin` (see the README)",
    );
}

export async function boot(): Promise<void> {
  try {
    const cfg = config();
    const { db, kind } = await database();
    console.info(`[boot] database ready (${kind})`);
    const auth = await getAuth();
    if (cfg.skippay.mode === "sandbox") await startSandbox(cfg, db, auth);
    else await startProduction(cfg, db, auth);
    // Accounts made half by a crash before creating one was a single transaction: say so, and how to mend them.
    for (const account of await accountsWithoutPassword(db))
      console.warn(
        `[boot] the ${account.role} account ${account.email} has no password and cannot sign in: an admin can set one at /staff (Reset password)${account.role === "admin" ? ", or set ADMIN_EMAIL to it with ADMIN_PASSWORD" : ""}`,
      );
    if (!secureCookies(cfg.appUrl)) {
      console.warn(
        `[boot] APP_URL ${cfg.appUrl} is plain HTTP on a non-loopback host: session cookies are not marked Secure. Use HTTPS.`,
      );
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
    } else {
      console.error("[boot] start-up failed:", error);
    }
    process.exit(1);
  }
}
