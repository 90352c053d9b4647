// better-auth's endpoints (sign-in, sign-out, session). Sign-in goes through here — not through auth.api on the
// server — so that its rate limiting applies.
import { getAuth } from "@/lib/auth/auth";

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  return (await getAuth()).handler(request);
}

export { handle as GET, handle as POST };
