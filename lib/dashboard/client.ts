// The dashboard module's client-safe door: pure code only (no server-only, Prisma or Node), so "use client"
// components and the pure validations may import it. Everything here is also exported by index.ts.
export * from "./aggregate";
