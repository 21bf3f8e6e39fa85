// Security headers on every response. Next's inline bootstrap scripts need 'unsafe-inline' for
// scripts without a nonce setup; framing, plugins and foreign origins are refused.
const securityHeaders = [
  {
    key: "Content-Security-Policy",
    value: [
      "default-src 'self'",
      "script-src 'self' 'unsafe-inline'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join("; "),
  },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

// The JSON API and its downloads (evidence files above all) are never a page: nothing in them
// may run, load or submit, even if a browser is talked into rendering one. A later rule wins
// for the same header, and these headers win over a route's own.
const apiPolicy = "default-src 'none'; frame-ancestors 'none'; sandbox";

/** @type {import('next').NextConfig} */
const nextConfig = {
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/api/v1/:path*", headers: [{ key: "Content-Security-Policy", value: apiPolicy }] },
    ];
  },
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
  // Report forms carry evidence files (10 MB each, checked again on the server). proxy.ts runs
  // before every request and buffers its body: below this size it would cut uploads short.
  experimental: { serverActions: { bodySizeLimit: "21mb" }, proxyClientMaxBodySize: "21mb" },
};
export default nextConfig;
