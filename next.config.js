// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  // PGlite ships ~15 MB of WASM/data; keep it out of the bundle (and out of the public .next/static).
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
