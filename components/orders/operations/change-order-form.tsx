"use client";
// Change the order before anything is sent: quantities, unit prices, removed and added lines, the discount, and
// the delivery address or carrier.
import { NoteField, ReasonField } from "../fields";
import { OperationFrame } from "../operation-frame";
import { type OperationContext, useOperationForm } from "../use-operation-form";
import { AddedLines } from "./added-lines";
import { ChangeOrderLines } from "./change-order-lines";
import { DeliveryFields } from "./delivery-fields";

export function ChangeOrderForm({ ctx }: { ctx: OperationContext }) {
  const op = useOperationForm("change-order", ctx);
  return (
    <OperationFrame op={op} table={<ChangeOrderLines lines={ctx.view.lines} issues={op.issues} />}>
      <AddedLines issues={op.issues.fields} />
      <DeliveryFields order={ctx.application.order} issues={op.issues.fields} />
      <ReasonField />
      <NoteField />
    </OperationFrame>
  );
}
