// Security headers for pages: a Content-Security-Policy with a fresh nonce per request. Next.js reads the nonce
// from the request's CSP header and puts it on its own scripts; nothing else may run — no inline script without
// the nonce, no eval in production, no framing. (Static headers for every response are in next.config.js.)
import { type NextRequest, NextResponse } from "next/server";

export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts Next.js loads from its nonce-bearing bootstrap are trusted; nothing else.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the JSON APIs, the sandbox, health checks, static files or the prerendered static page
      // (it carries no data, and a nonce cannot be put into HTML made at build time). Nor a server action's answer:
      // a call with the Next-Action header is always answered with RSC data, never HTML, so a nonce there would
      // protect nothing (a form posted without JavaScript carries no such header and gets its page as before).
      source: "/((?!api/|sandbox/|healthz|floor$|_next/static|_next/image|icon.svg|robots.txt).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
        { type: "header", key: "next-action" },
      ],
    },
  ],
};
