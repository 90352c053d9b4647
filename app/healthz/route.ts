import { sql } from "drizzle-orm";
import { database } from "@/lib/db/client";
import pkg from "@/package.json";

export const dynamic = "force-dynamic";

/** Liveness and readiness: the app version and whether the database answers. */
export async function GET() {
  const started = performance.now();
  try {
    const { db, kind } = await database();
    await db.execute(sql`select 1`);
    return Response.json({
      status: "ok",
      version: pkg.version,
      database: { status: "ok", kind, latencyMs: Math.round(performance.now() - started) },
    });
  } catch (error) {
    // Public endpoint: the details go to the server log, not to the caller.
    console.error("healthz: database check failed", error);
    return Response.json(
      { status: "error", version: pkg.version, database: { status: "error" } },
      { status: 503 },
    );
  }
}
