import "server-only";
import { redirect } from "next/navigation";
import { currentUser } from "../auth/session";
import type { CurrentUser } from "../auth";
import { can, type Action } from "./permissions";

// The page guards (decision 014), web only: they read the session (Auth.js), which the CLI, the
// seed and scripts cannot load.

/**
 * Every page of the app is for signed-in users: send others to the login page and back. The
 * finance bureau's accounts work city-wide, on /city only: a department's pages are for the
 * department (docs/decisions/009), so they are sent there.
 */
export async function requireUser(next: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(next)}`);
  if (!can(user.role, "department.view") && next !== "/city" && !next.startsWith("/city/")) redirect("/city");
  return user;
}

/**
 * A page's guard: sign in (and the finance bureau's redirect to /city) as requireUser does, then
 * the table. Returns the user, or null when the role may not do this: the page then answers
 * `<Forbidden />` (components/layout/forbidden.tsx), the one refusal view.
 */
export async function requirePermission(action: Action, next: string): Promise<CurrentUser | null> {
  const user = await requireUser(next);
  return can(user.role, action) ? user : null;
}
