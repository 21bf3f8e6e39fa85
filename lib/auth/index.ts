// The auth module's door: the signed-in user (CurrentUser, Role), scope (which department, office
// and rows a user sees), passwords, the sign-in rate limit and SSO's mapping. No Auth.js here, so
// the CLI, the seed and scripts can import it. One more door, for the web only (next-auth cannot
// load outside Next): lib/auth/session.ts (handlers, auth, signIn, signOut, currentUser); the page
// guards that read it are lib/access/require.ts.
export * from "./password";
export * from "./rate-limit";
export * from "./scope";
export * from "./sso";
export * from "./token";
export * from "./user";
