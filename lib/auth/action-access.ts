// Who may call each server action, by its file and exported name. proxy.ts refuses a call the caller may not
// make before it runs (lib/auth/action-guard.ts); each action checks the same entry again itself. A server
// action missing here is refused for everyone: add it when you add the action.
import type { Permission } from "./roles";

export type Access = Permission | "anyone";

export const ACTION_ACCESS = {
  // The language switch only sets a cookie (and, signed in, the person's own choice).
  // Marking one's own decisions seen needs only a session.
  "app/(admin)/actions.ts": { setLocale: "anyone", decisionsSeen: "view" },
  // Called right after signing in; it reads the session itself.
  "app/(admin)/login/actions.ts": { afterSignIn: "anyone" },
  "app/(admin)/applications/[applicationId]/actions.ts": {
    submitOperation: "operate",
    decideApproval: "approve",
    withdrawRequest: "operate",
    resolveOperation: "approve",
    checkDrift: "operate",
    sandboxDecision: "operate",
    notifyCustomer: "operate",
  },
  // Re-read all on /reports: who may download the report may spend Skip Pay reads on it.
  "app/(admin)/reports/actions.ts": { rereadBatch: "approve" },
  "app/(admin)/staff/actions.ts": { createStaff: "manage_users", changeStaff: "manage_users" },
} as const satisfies Record<string, Record<string, Access>>;

/** The access rule of a server action, or undefined when it has none. */
export function accessOf(filename: string, exportedName: string): Access | undefined {
  const rules = (ACTION_ACCESS as Record<string, Record<string, Access>>)[filename];
  return rules && Object.hasOwn(rules, exportedName) ? rules[exportedName] : undefined;
}
