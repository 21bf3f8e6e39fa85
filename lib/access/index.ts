// The access module's door: the permission table (pure) and, for pages, lib/access/require.ts.
export { ACTIONS, can, rolesFor, type Action } from "./permissions";
