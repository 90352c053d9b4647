"use client";
// Each operation's form, loaded when it is chosen: the order page hydrates with the chooser and the table only,
// and a form's schema, planner and confirmation arrive with the first choice. A new operation is one more entry.
import { type ComponentType, lazy } from "react";
import type { OperationKind } from "@/lib/orders/operation-kinds";
import type { OperationContext } from "./use-operation-form";

type FormComponent = ComponentType<{ ctx: OperationContext }>;

export const FORMS: Record<OperationKind, FormComponent> = {
  cancel: lazy(() => import("./operations/cancel-form").then((m) => ({ default: m.CancelForm }))),
  return: lazy(() => import("./operations/return-form").then((m) => ({ default: m.ReturnForm }))),
  refund: lazy(() => import("./operations/refund-form").then((m) => ({ default: m.RefundForm }))),
  send: lazy(() =>
    import("./operations/ship-form").then(({ ShipForm }) => ({
      default: ({ ctx }: { ctx: OperationContext }) => <ShipForm ctx={ctx} kind="send" />,
    })),
  ),
  deliver: lazy(() =>
    import("./operations/ship-form").then(({ ShipForm }) => ({
      default: ({ ctx }: { ctx: OperationContext }) => <ShipForm ctx={ctx} kind="deliver" />,
    })),
  ),
  "cancel-application": lazy(() =>
    import("./operations/cancel-application-form").then((m) => ({ default: m.CancelApplicationForm })),
  ),
  "change-order": lazy(() =>
    import("./operations/change-order-form").then((m) => ({ default: m.ChangeOrderForm })),
  ),
};
