// The catalogue module's client-safe door: pure code only (no server-only, Prisma or Node), so "use client"
// components may import it. Everything here is also exported by index.ts.
export * from "./working-year";
