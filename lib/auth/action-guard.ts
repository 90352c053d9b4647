// Refuses a server action call before it runs — from another origin, without a valid session, or by a role that
// may not make it — with 403 and a plain sentence saying why (Next.js itself answers a cross-origin call with 500
// and an opaque digest, and an action can only answer 200). Called from proxy.ts. Server-only.
import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { type Access, accessOf } from "./action-access";
import { sameOrigin } from "./origin";
import type { RefusalReason } from "./refusal";
import { can } from "./roles";
import { staffFromHeaders } from "./staff";

/**
 * The answer to a refused call. `text/plain` exactly: the browser's Next.js client then throws the sentence as
 * the error's message; it starts with the reason, which the error page reads back (lib/auth/refusal.ts).
 */
export function refused(reason: RefusalReason, why: string): Response {
  return new Response(`${reason}: ${why} Nothing was done.`, {
    status: 403,
    headers: { "content-type": "text/plain", "cache-control": "no-store" },
  });
}

interface ManifestEntry {
  filename: string;
  exportedName: string;
}

let manifest: Record<string, ManifestEntry> | undefined;

/** The build's server actions by id (`.next/server/server-reference-manifest.json`; `.next/dev/…` in development). */
function serverActions(): Record<string, ManifestEntry> {
  if (manifest && process.env.NODE_ENV === "production") return manifest;
  for (const dir of [".next/server", ".next/dev/server"]) {
    try {
      const file = path.join(process.cwd(), dir, "server-reference-manifest.json");
      manifest = (JSON.parse(readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> }).node;
      return manifest;
    } catch {}
  }
  return {};
}

/** Why a possible server action call must not run, as a 403 answer; null when it may go on to Next.js. */
export async function refuseServerAction(request: Request): Promise<Response | null> {
  if (request.method === "GET" || request.method === "HEAD") return null;
  const origin = sameOrigin(request.headers);
  if (!origin.ok)
    return refused("cross_origin", `this server action was sent from another origin (${origin.origin}).`);
  const actionId = request.headers.get("next-action");
  if (actionId === null) {
    // A form posted without the page's scripts: Next.js would run the action named inside the body. This app has
    // no such forms, so refuse it rather than parse the body here.
    const type = request.headers.get("content-type") ?? "";
    if (type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded"))
      return refused("forbidden", "this app takes server actions only from its own pages' scripts.");
    return null;
  }
  const action = serverActions()[actionId];
  // Not an action of this build (an old page after a deploy): Next.js answers that itself.
  if (!action) return null;
  const access: Access | undefined = accessOf(action.filename, action.exportedName);
  if (access === undefined) {
    console.error(
      `[auth] server action ${action.exportedName} in ${action.filename} has no rule in action-access.ts`,
    );
    return refused("forbidden", "this server action has no access rule.");
  }
  if (access === "anyone") return null;
  const staff = await staffFromHeaders(request.headers, { renew: false });
  if (!staff)
    return refused("unauthenticated", "no valid session (signed out, expired or disabled); sign in again.");
  if (!can(staff.role, access))
    return refused("forbidden", `the role ${staff.role} may not do this (it needs ${access}).`);
  return null;
}
