// @ts-check
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  // The ICU messages are compiled when the app is built, so the browser gets a formatter of under 1 kB instead of
  // intl-messageformat's parser (≈12 kB gzip), and nothing is parsed at run time.
  experimental: {
    messages: { path: "./lib/i18n/messages", format: "json", locales: "infer", precompile: true },
  },
});

/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite ships ~15 MB of WASM/data; keep it out of the bundle (and out of the public .next/static).
  // nodemailer, smtp-server and mailparser are Node libraries (sockets, streams, optional requires): loaded from
  // node_modules at run time rather than bundled.
  serverExternalPackages: ["@electric-sql/pglite", "nodemailer", "smtp-server", "mailparser"],
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden(): a page the role may not open answers 403 in place, instead of a redirect to a page answering 200.
  experimental: { authInterrupts: true },
  // For every response (pages get a nonce-based Content-Security-Policy from proxy.ts on top).
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
