import { describe, expect, it } from "vitest";
import { can, needsApproval, ROLES } from "./roles";

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
});
