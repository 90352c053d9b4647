// Which operations the application's current state allows, and when not, why — for the operation panel. Pure.
import type { ApplicationInfo } from "@/lib/skippay/schemas";
import {
  type NotCancellable,
  type NotChangeable,
  whyApplicationNotCancellable,
  whyOrderNotChangeable,
} from "./eligibility";
import type { OrderView } from "./lines";
import type { OperationKind } from "./operation-kinds";

export type Unavailable =
  | { reason: "not_ready"; state: ApplicationInfo["state"]; stateReason: ApplicationInfo["stateReason"] }
  | { reason: "nothing_unsent" | "nothing_returnable" | "nothing_refundable" | "nothing_to_deliver" }
  | { reason: "application"; why: NotCancellable }
  | { reason: "order_change"; why: Extract<NotChangeable, "sent"> };

export type Availability = Record<OperationKind, { allowed: true } | ({ allowed: false } & Unavailable)>;

export function availability(
  application: Pick<ApplicationInfo, "state" | "stateReason">,
  view: OrderView,
  order: Parameters<typeof whyApplicationNotCancellable>[0]["order"],
): Availability {
  const ready = application.state === "READY";
  const notReady = { allowed: false as const, reason: "not_ready" as const, ...application };
  const when = (
    ok: boolean,
    reason: "nothing_unsent" | "nothing_returnable" | "nothing_refundable" | "nothing_to_deliver",
  ) => (!ready ? notReady : ok ? { allowed: true as const } : { allowed: false as const, reason });
  const why = whyApplicationNotCancellable({ order, application }, view);
  return {
    cancel: when(
      view.lines.some((l) => l.cancellable > 0),
      "nothing_unsent",
    ),
    return: when(
      view.lines.some((l) => l.returnable > 0),
      "nothing_returnable",
    ),
    refund: when(view.refundable > 0, "nothing_refundable"),
    send: when(
      view.lines.some((l) => l.unsent > 0),
      "nothing_unsent",
    ),
    deliver: when(
      view.lines.some((l) => l.unsent + l.sent > 0),
      "nothing_to_deliver",
    ),
    "cancel-application": why ? { allowed: false, reason: "application", why } : { allowed: true },
    "change-order": changeable(application, view),
  };
}

/** Changing the order: PROCESSING, or READY before anything is sent (a closed application says not_ready). */
function changeable(
  application: Pick<ApplicationInfo, "state" | "stateReason">,
  view: OrderView,
): Availability["change-order"] {
  const why = whyOrderNotChangeable({ application }, view);
  if (why === "closed") return { allowed: false, reason: "not_ready", ...application };
  // After a cancellation only the delivery can change; the planner says so if lines are touched.
  return why === "sent" ? { allowed: false, reason: "order_change", why } : { allowed: true };
}

const key = (a: Unavailable) =>
  a.reason === "application" || a.reason === "order_change" ? `${a.reason}:${a.why}` : a.reason;

/** Do two operations give the same reason (and so the same sentence)? */
export const sameReason = (a: Unavailable, b: Unavailable) => key(a) === key(b);

/**
 * The state that keeps two or more operations from being possible (not READY): said once for all of them.
 */
export function unavailableReason(available: Availability): Unavailable | null {
  // Only the application's state is a reason many share by nature; the others are each operation's own.
  const reasons = Object.values(available).filter(
    (a): a is { allowed: false } & Unavailable => !a.allowed && a.reason === "not_ready",
  );
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  const [top, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [null, 0];
  return n >= 2 ? (reasons.find((r) => key(r) === top) ?? null) : null;
}
