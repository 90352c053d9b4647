"use client";
// Money only — refund an amount (and optionally the credit note's address): items and states stay as they are.
import { useTranslations } from "next-intl";
import { DocumentUrlField } from "../document-field";
import { MoneyField, NoteField, ReasonField, useRefundable } from "../fields";
import { ItemsTable } from "../items-table";
import { OperationFrame } from "../operation-frame";
import { type OperationContext, useOperationForm } from "../use-operation-form";

export function RefundForm({ ctx }: { ctx: OperationContext }) {
  const t = useTranslations("fields");
  const op = useOperationForm("refund", ctx);
  const max = useRefundable(ctx.view.refundable);
  return (
    <OperationFrame op={op} table={<ItemsTable lines={ctx.view.lines} pick={null} />}>
      <MoneyField
        name="amount"
        label={t("amount")}
        description={t("amountHint", { max })}
        issue={op.issues.fields.amount}
      />
      <DocumentUrlField type="creditNote" />
      <ReasonField />
      <NoteField />
    </OperationFrame>
  );
}
