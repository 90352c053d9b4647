// Who may do what. Isomorphic (the UI hides what a role cannot do; the server enforces it in every action).
//   viewer      reads everything
//   agent       cancels, returns, refunds, marks sent/delivered — refunds above the approval limit wait for a
//               supervisor
//   supervisor  no limit; approves or rejects agents' requests (never their own)
//   admin       everything a supervisor can, and manages staff accounts
export const ROLES = ["viewer", "agent", "supervisor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type Permission = "view" | "operate" | "operate_without_limit" | "approve" | "manage_users";

const MINIMUM: Record<Permission, Role> = {
  view: "viewer",
  operate: "agent",
  operate_without_limit: "supervisor",
  approve: "supervisor",
  manage_users: "admin",
};

const RANK: Record<Role, number> = { viewer: 0, agent: 1, supervisor: 2, admin: 3 };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
  return RANK[role] >= RANK[MINIMUM[permission]];
}

/** Does this refund, by this role, need a second person's approval first? */
export function needsApproval(role: Role, refund: number, approvalLimit: number): boolean {
  return !can(role, "operate_without_limit") && refund > approvalLimit;
}
