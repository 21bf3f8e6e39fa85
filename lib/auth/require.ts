import "server-only";
import { redirect } from "next/navigation";
import { currentUser, type CurrentUser } from "./index";

/** Every page of the app is for signed-in users: send others to the login page and back. */
export async function requireUser(next: string): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(next)}`);
  return user;
}
