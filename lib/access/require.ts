import "server-only";
import { requireUser } from "../auth/require";
import type { CurrentUser } from "../auth";
import { can, type Action } from "./permissions";

/**
 * A page's guard: sign in (and the finance bureau's redirect to /city) as requireUser does, then
 * the table. Returns the user, or null when the role may not do this: the page then answers
 * `<Forbidden />` (components/layout/forbidden.tsx), the one refusal view.
 */
export async function requirePermission(action: Action, next: string): Promise<CurrentUser | null> {
  const user = await requireUser(next);
  return can(user.role, action) ? user : null;
}
