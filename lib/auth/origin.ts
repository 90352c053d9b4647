// Whether a POST came from this app's own pages: the browser's Origin against the host it addressed, as Next.js's
// own check for server actions does. Used by the server action guard and the form endpoints under /api/session.
import "server-only";

/** The host the browser addressed, as Next.js's own check sees it: X-Forwarded-Host, else Host. */
function addressedHost(headers: Headers): string | null {
  return headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
}

export function sameOrigin(headers: Headers): { ok: true } | { ok: false; origin: string } {
  const origin = headers.get("origin");
  // No Origin: not sent by a browser (which always sends one with a POST), so it carries no one's cookies by stealth.
  if (origin === null) return { ok: true };
  let host: string | null = null;
  try {
    host = origin === "null" ? null : new URL(origin).host;
  } catch {}
  return host !== null && host === addressedHost(headers)
    ? { ok: true }
    : { ok: false, origin: origin.slice(0, 100) };
}

/**
 * Where a form posted from one of this app's pages should lead back to: the page it was posted from (its path and
 * query, from Referer, when on this host), else `fallback`. Never another site.
 */
export function backTo(headers: Headers, fallback: string): string {
  const referer = headers.get("referer");
  if (!referer) return fallback;
  try {
    const url = new URL(referer);
    // "//elsewhere" as a path would be a link to another site.
    if (url.host !== addressedHost(headers) || url.pathname.startsWith("//")) return fallback;
    return `${url.pathname}${url.search}`;
  } catch {
    return fallback;
  }
}
