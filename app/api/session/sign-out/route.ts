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
  // No session (already signed out, or expired) is an error to better-auth, and still "signed out" here.
  const answer = await (await getAuth()).api.signOut({ headers: request.headers, asResponse: true });
  const response = new Response(null, { status: 303, headers: { location: "/login" } });
  for (const cookie of answer.headers.getSetCookie()) response.headers.append("set-cookie", cookie);
  return response;
}
