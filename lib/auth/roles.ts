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

/**
 * What one person refunded without anyone's approval: their operations that went through, are in flight or whose
 * outcome is unknown or unclear (pass the operations of one application).
 */
export function unapprovedRefunds(
  operations: readonly { actorId: string; approvalRequired: boolean; status: string; refund: number }[],
  actorId: string,
): number {
  let total = 0;
  for (const o of operations) {
    if (
      o.actorId === actorId &&
      !o.approvalRequired &&
      ["succeeded", "in_flight", "unknown", "needs_review"].includes(o.status)
    )
      total += o.refund;
  }
  return total;
}

/**
 * Does this refund, by this role, need a second person's approval first? The limit covers what the same person
 * already refunded on the same application without approval (`earlier`), so it cannot be split into small ones.
 */
export function needsApproval(role: Role, refund: number, approvalLimit: number, earlier = 0): boolean {
  return !can(role, "operate_without_limit") && refund > 0 && earlier + refund > approvalLimit;
}

/** Four eyes: a supervisor decides on someone else's request, never their own. */
export function mayDecide(
  staff: { id: string; role: Role },
  operation: { status: string; actorId: string },
): boolean {
  return (
    can(staff.role, "approve") && operation.status === "pending_approval" && operation.actorId !== staff.id
  );
}

/**
 * Refunds on one application that wait for a supervisor (anyone's): another refund planned meanwhile should say so,
 * or the customer may get both.
 */
export function refundsAwaitingApproval(operations: readonly { status: string; refund: number }[]): number {
  let total = 0;
  for (const o of operations) if (o.status === "pending_approval") total += o.refund;
  return total;
}

export interface ApprovalNeeded {
  /** What the person already refunded on the application without approval. */
  earlier: number;
  /** Earlier refunds and this one together. */
  total: number;
  limit: number;
}

/** Whether this refund by this person waits for a supervisor, and the figures that say why (null: it does not). */
export function approvalFor(
  staff: { id: string; role: Role },
  refund: number,
  limit: number,
  operations: Parameters<typeof unapprovedRefunds>[0],
): ApprovalNeeded | null {
  if (can(staff.role, "operate_without_limit") || refund <= 0) return null;
  const earlier = unapprovedRefunds(operations, staff.id);
  return needsApproval(staff.role, refund, limit, earlier)
    ? { earlier, total: earlier + refund, limit }
    : null;
}

/**
 * Reports (/reports and its CSV export): supervisors and admins read and export; viewers (the accountant's kind of
 * account) read the page only; agents, who operate orders one at a time, have neither. Not a rank: hence its own rule.
 */
export type ReportAccess = "export" | "read" | null;
export function reportAccess(role: Role): ReportAccess {
  if (can(role, "approve")) return "export";
  return role === "viewer" ? "read" : null;
}
