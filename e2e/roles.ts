// The sandbox's demo staff accounts (created at first run; password "demo-password"), by role.
import path from "node:path";

export const ROLES_FOR_TESTS = {
  viewer: "viewer@demo.cz",
  agent: "agent@demo.cz",
  agent2: "agent2@demo.cz",
  supervisor: "supervisor@demo.cz",
  supervisor2: "supervisor2@demo.cz",
  admin: "admin@demo.cz",
} as const;

export type TestRole = keyof typeof ROLES_FOR_TESTS;

export function authFile(role: TestRole): string {
  return path.resolve(import.meta.dirname, "../.reports/auth", `${role}.json`);
}
