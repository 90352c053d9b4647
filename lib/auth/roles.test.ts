import { describe, expect, it } from "vitest";
import { can, needsApproval, ROLES, refundsAwaitingApproval, reportAccess, unapprovedRefunds } from "./roles";

describe("roles", () => {
  it("grant each permission from its minimum role up", () => {
    const table = Object.fromEntries(
      ROLES.map((r) => [
        r,
        (["view", "operate", "operate_without_limit", "approve", "manage_users"] as const).filter((p) =>
          can(r, p),
        ),
      ]),
    );
    expect(table).toEqual({
      viewer: ["view"],
      agent: ["view", "operate"],
      supervisor: ["view", "operate", "operate_without_limit", "approve"],
      admin: ["view", "operate", "operate_without_limit", "approve", "manage_users"],
    });
  });

  it("send an agent's refund above the limit for approval, never a supervisor's", () => {
    expect(needsApproval("agent", 500_000, 500_000)).toBe(false);
    expect(needsApproval("agent", 500_001, 500_000)).toBe(true);
    expect(needsApproval("supervisor", 10_000_000, 500_000)).toBe(false);
    expect(needsApproval("admin", 10_000_000, 500_000)).toBe(false);
  });

  it("count what the same person refunded unapproved before towards the limit, and nothing else", () => {
    const mine = (status: string, refund: number, approvalRequired = false) => ({
      actorId: "me",
      approvalRequired,
      status,
      refund,
    });
    const earlier = unapprovedRefunds(
      [
        mine("succeeded", 200_000),
        mine("unknown", 100_000),
        mine("in_flight", 50_000),
        mine("failed", 400_000),
        mine("rejected", 400_000, true),
        mine("succeeded", 900_000, true), // approved by a supervisor
        { ...mine("succeeded", 300_000), actorId: "colleague" },
      ],
      "me",
    );
    expect(earlier).toBe(350_000);
    // What waits for a supervisor on the order, anyone's: a new refund is planned knowing it.
    expect(
      refundsAwaitingApproval([
        mine("pending_approval", 550_000, true),
        { ...mine("pending_approval", 100_000, true), actorId: "colleague" },
        mine("rejected", 400_000, true),
        mine("succeeded", 200_000),
      ]),
    ).toBe(650_000);
    expect(needsApproval("agent", 150_000, 500_000, earlier)).toBe(false);
    expect(needsApproval("agent", 150_001, 500_000, earlier)).toBe(true);
    expect(needsApproval("agent", 0, 500_000, 600_000)).toBe(false);
    expect(needsApproval("supervisor", 150_001, 500_000, earlier)).toBe(false);
  });
});

describe("reportAccess", () => {
  it("lets supervisors and admins export, viewers read, and refuses agents", () => {
    expect(Object.fromEntries(ROLES.map((r) => [r, reportAccess(r)]))).toEqual({
      viewer: "read",
      agent: null,
      supervisor: "export",
      admin: "export",
    });
  });
});
