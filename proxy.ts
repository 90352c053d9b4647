// In front of every page: server action calls that must not run are refused here with 403 and a plain sentence
// (lib/auth/action-guard.ts: another origin, no session, a role that may not); pages get a Content-Security-Policy
// with a fresh nonce per request. Next.js reads the nonce from the request's CSP header and puts it on its own
// scripts; nothing else may run — no inline script without the nonce, no eval in production, no framing. (Static
// headers for every response are in next.config.js.)
import { type NextRequest, NextResponse } from "next/server";
import { refuseServerAction } from "@/lib/auth/action-guard";

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

export async function proxy(request: NextRequest) {
  const refusal = await refuseServerAction(request);
  if (refusal) return refusal;
  // A server action's answer is RSC data, never HTML: a nonce there would protect nothing.
  if (request.headers.has("next-action")) return NextResponse.next();
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
      // (it carries no data, and a nonce cannot be put into HTML made at build time). Prefetches need no nonce.
      source: "/((?!api/|sandbox/|healthz|_next/static|_next/image|icon.svg|robots.txt).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    {
      // Every server action call, wherever it is posted (a call is a POST to any page path with this header).
      source: "/((?!api/|sandbox/|healthz|_next/static|_next/image|icon.svg|robots.txt).*)",
      has: [{ type: "header", key: "next-action" }],
    },
  ],
};
