"use client";
// Change the order before anything is sent: quantities, unit prices, removed and added lines, the discount.
import { NoteField, ReasonField } from "../fields";
import { OperationFrame } from "../operation-frame";
import { type OperationContext, useOperationForm } from "../use-operation-form";
import { AddedLines } from "./added-lines";
import { ChangeOrderLines } from "./change-order-lines";

export function ChangeOrderForm({ ctx }: { ctx: OperationContext }) {
  const op = useOperationForm("change-order", ctx);
  return (
    <OperationFrame op={op} table={<ChangeOrderLines lines={ctx.view.lines} issues={op.issues} />}>
      <AddedLines issues={op.issues.fields} />
      <ReasonField />
      <NoteField />
    </OperationFrame>
  );
}
