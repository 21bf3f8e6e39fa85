// The auth module's pure door (no server-only, no database): the user's shape, password and API
// token hashing. For what runs outside the app's server: the test-data factory (prisma/seed/factories.ts),
// which Playwright's own process loads too.
export * from "./password";
export * from "./token";
export * from "./user";
