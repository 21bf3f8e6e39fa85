/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
  // Report forms carry evidence files (10 MB each, checked again on the server).
  experimental: { serverActions: { bodySizeLimit: "21mb" } },
};
export default nextConfig;
