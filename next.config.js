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
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  reactStrictMode: true,
  // The root layout lives in the (admin) route group → one 404 page for unmatched URLs: app/global-not-found.tsx.
  experimental: { globalNotFound: true },
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
