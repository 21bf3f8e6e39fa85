// The signed-in account as the rest of the app sees it, from its database row. No framework
// imports: the session, the API token and the CLI all build it here.
export type Role = "admin" | "manager" | "evaluator" | "reporter" | "finance";

export const ROLES: readonly Role[] = ["admin", "manager", "evaluator", "reporter", "finance"];

export type CurrentUser = {
  id: number;
  name: string;
  username: string;
  role: Role;
  /** The department the account works in; null for the finance bureau (role finance). */
  departmentId: number | null;
  orgIds: number[];
};

export function asCurrentUser(u: { id: number; name: string; username: string; role: string; departmentId: number | null; orgs: { organizationId: number }[] }): CurrentUser {
  return { id: u.id, name: u.name, username: u.username, role: u.role as Role, departmentId: u.departmentId, orgIds: u.orgs.map((o) => o.organizationId) };
}
