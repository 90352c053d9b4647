// Signing out by a plain form (the staff header's Sign out), so it works before the page's scripts have run and
// without them: ends the session at better-auth, clears its cookie and sends the browser to the sign-in page.
import { getAuth } from "@/lib/auth/auth";
import { sameOrigin } from "@/lib/auth/origin";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  if (!sameOrigin(request.headers).ok)
    return new Response("cross_origin: sign-out was posted from another site. Nothing was done.", {
      status: 403,
    });
  // Deletes the session and, through better-auth's nextCookies plugin (lib/auth/auth.ts), clears its cookies on
  // this response; with no session it clears them all the same.
  await (await getAuth()).api.signOut({ headers: request.headers });
  return new Response(null, { status: 303, headers: { location: "/login" } });
}
