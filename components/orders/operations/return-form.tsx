"use client";
// Came back — return: lines and quantities (or everything), optionally a refund other than their value, a reason,
// a note.
import { useTranslations } from "next-intl";
import { useWatch } from "react-hook-form";
import { EverythingField, MoneyField, NoteField, ReasonField, useRefundable } from "../fields";
import { ItemsTable } from "../items-table";
import { OperationFrame } from "../operation-frame";
import { type OperationContext, useOperationForm } from "../use-operation-form";

export function ReturnForm({ ctx }: { ctx: OperationContext }) {
  const t = useTranslations("fields");
  const op = useOperationForm("return", ctx);
  const everything = useWatch({ control: op.form.control, name: "everything" }) === true;
  const max = useRefundable(ctx.view.refundable);
  return (
    <OperationFrame
      op={op}
      table={
        <ItemsTable
          lines={ctx.view.lines}
          pick={{ kind: "return", everything, locked: ctx.locked }}
          issues={op.issues.lines}
        />
      }
    >
      <EverythingField label={t("everything.return")} />
      <MoneyField
        name="refundOverride"
        label={t("refundOverride")}
        description={t("refundOverrideHint", { max })}
        issue={op.issues.fields.refundOverride}
      />
      <ReasonField />
      <NoteField />
    </OperationFrame>
  );
}
