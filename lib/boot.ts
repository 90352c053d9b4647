// Server start-up: configuration first (fail fast with every problem listed), then the database and migrations,
// then — against the embedded sandbox only — the demo data.
import "server-only";
import { getAuth, secureCookies } from "@/lib/auth/auth";
import { ensureAdmin, seedDemoUsers } from "@/lib/auth/users";
import { ConfigError, config } from "@/lib/config";
import { upsertApplication } from "@/lib/db/applications";
import { database } from "@/lib/db/client";
import { renderApplication } from "@/lib/sandbox/render";
import { seedDemoApplications } from "@/lib/sandbox/seed";
import { loadApplication } from "@/lib/sandbox/store";

export async function boot(): Promise<void> {
  try {
    const cfg = config();
    const { db, kind } = await database();
    console.info(`[boot] database ready (${kind}); Skip Pay: ${cfg.skippay.mode} at ${cfg.skippay.baseUrl}`);
    if (cfg.skippay.mode === "sandbox" && cfg.sandbox.seed === "demo") {
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
    const auth = await getAuth();
    if (cfg.skippay.mode === "sandbox") {
      // Demo accounts only ever exist against the sandbox (documented in the README).
      const demo = await seedDemoUsers(auth, db);
      if (demo > 0)
        console.info(`[boot] sandbox: created ${demo} demo staff accounts (password in the README)`);
    }
    if (cfg.staff.admin && (await ensureAdmin(auth, db, cfg.staff.admin))) {
      console.info(`[boot] created the admin account ${cfg.staff.admin.email}`);
    }
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
