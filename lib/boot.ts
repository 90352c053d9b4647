// Server start-up: configuration first (fail fast with every problem listed), then the database and migrations.
import "server-only";
import { ConfigError, config } from "@/lib/config";
import { database } from "@/lib/db/client";

export async function boot(): Promise<void> {
  try {
    const cfg = config();
    const { kind } = await database();
    console.info(`[boot] database ready (${kind}); Skip Pay: ${cfg.skippay.mode} at ${cfg.skippay.baseUrl}`);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
    } else {
      console.error("[boot] start-up failed:", error);
    }
    process.exit(1);
  }
}
