// The access module's door: the permission table (pure). Pages guard through the module's second
// door, lib/access/require.ts (requirePermission: server-only, signs in and redirects through
// Auth.js, so it stays out of this door, which the CLI imports).
export { ACTIONS, can, rolesFor, type Action } from "./permissions";
