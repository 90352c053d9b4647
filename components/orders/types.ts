// Types the order workspace's parts share (kept apart so the parts import each other's types without cycles).
import type { UseFormReturn } from "react-hook-form";
import type { Role } from "@/lib/auth/roles";
import type { OrderLine } from "@/lib/orders/lines";
import type { LineKind } from "@/lib/orders/operation-kinds";
import type { IntentKind, PlanIssue } from "@/lib/orders/plan-types";

export interface WorkspaceStaff {
  id: string;
  name: string;
  role: Role;
}

/** What the items table picks lines for. */
export interface LinePick {
  kind: LineKind;
  /** "Everything remaining" is checked: every line shows all it can take. */
  everything: boolean;
  /** Another operation holds the application: nothing can be chosen now. */
  locked?: boolean;
}

/** The form methods a quantity cell uses: stable for the form's life, so rows can stay memoized. */
/** What the items table hands the rows of a form that picks lines. */
export interface PickingProps {
  lines: OrderLine[];
  /** The indexes of the lines the filter shows. */
  matching: number[];
  pick: LinePick;
  issues: Map<number, PlanIssue>;
  filter: string;
}

export type LineFields = Pick<UseFormReturn, "register" | "setValue" | "getValues">;

/** A supervisor's decision on an agent's request. */
export type Decision = "approve" | "reject";

export interface DecisionSubject {
  id: string;
  intent: IntentKind;
  refund: number;
  /** How the trigger buttons name the request (the order number on /approvals). */
  label: string;
  orderNumber: string;
  actorName: string;
}
