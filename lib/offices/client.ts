// The offices module's client-safe door: pure code only (no server-only, Prisma or Node), so "use client"
// components and pure modules may import it. Everything here is also exported by index.ts.
// Offices (处室/单位): the one resolver of office names in indicator names and lists.
export { officeParts, resolveOffices, splitOffice, trailingBracket, withoutBracket, type OrgRef } from "./names";
