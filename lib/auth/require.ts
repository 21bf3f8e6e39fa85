import "server-only";
import { redirect } from "next/navigation";
import { currentUser, type CurrentUser } from "./session";
import { can } from "../access";

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
