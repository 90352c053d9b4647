// The language switch as a plain form, so a choice made before the page's scripts have run (or without them) is
// kept: sets the language (lib/auth/locale-choice.ts) and sends the browser back to the page it came from.
// Once the page is interactive, the switch calls its server action instead and re-renders in place.
import { chooseLocale } from "@/lib/auth/locale-choice";
import { backTo, sameOrigin } from "@/lib/auth/origin";

export const dynamic = "force-dynamic";

/** `locale=cs`: a form this small is far below this. */
const MAX_BODY_BYTES = 1_024;

export async function POST(request: Request) {
  if (!sameOrigin(request.headers).ok)
    return new Response("cross_origin: the language was posted from another site. Nothing was changed.", {
      status: 403,
    });
  // Browsers send a form's length; a body without one (streamed) is not read.
  const length = request.headers.get("content-length");
  if (length === null || !(Number(length) <= MAX_BODY_BYTES))
    return new Response("too_large: Nothing was changed.", { status: 413 });
  const form = await request.formData().catch(() => null);
  const chosen = await chooseLocale(form?.get("locale"));
  if (!chosen.ok) return new Response("invalid: no such language. Nothing was changed.", { status: 400 });
  return new Response(null, { status: 303, headers: { location: backTo(request.headers, "/applications") } });
}
