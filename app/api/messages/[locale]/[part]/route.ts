// A page's messages (lib/i18n/page-messages.ts). The address carries their version, so the browser may keep
// them for good; an old version's address gets today's messages, not to be kept. Public: UI text only.
import { isLocale } from "@/lib/i18n/config";
import { isMessagesPart, pageMessages } from "@/lib/i18n/page-messages";

export async function GET(
  request: Request,
  { params }: { params: Promise<{ locale: string; part: string }> },
) {
  const { locale, part } = await params;
  if (!isLocale(locale) || !isMessagesPart(part))
    return Response.json({ error: "not_found", message: "No such messages." }, { status: 404 });
  const { json, version } = await pageMessages(locale, part);
  const current = new URL(request.url).searchParams.get("v") === version;
  return new Response(json, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "cache-control": current ? "public, max-age=31536000, immutable" : "no-store",
    },
  });
}
