// better-auth's endpoints (sign-in, sign-out, session). Sign-in goes through here — not through auth.api on the
// server — so that its rate limiting applies.
import { getAuth } from "@/lib/auth/auth";

export const dynamic = "force-dynamic";

/**
 * The only endpoints a browser needs. better-auth serves more (changing one's own name or e-mail, password
 * resets, session lists…), which would let staff rewrite who they are in the journal; accounts are managed by
 * admins on /staff, through server actions.
 */
const OPEN = new Set(["POST /sign-in/email", "POST /sign-out", "GET /get-session"]);

async function handle(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname.replace(/^\/api\/auth/, "").replace(/\/+$/, "");
  if (!OPEN.has(`${request.method} ${path}`)) return Response.json({ error: "not_found" }, { status: 404 });
  return (await getAuth()).handler(request);
}

export { handle as GET, handle as POST };
