"use client";
// Came back — return: lines and quantities (or everything), optionally a refund other than their value and the
// credit note's address, a reason, a note.
import { useTranslations } from "next-intl";
import { useFormContext, useWatch } from "react-hook-form";
import { hasOrderDiscount } from "@/lib/orders/discounts";
import { DocumentUrlField } from "../document-field";
import { EverythingField, MoneyField, NoteField, ReasonField, useRefundable } from "../fields";
import { OperationFrame } from "../operation-frame";
import { PickItems } from "../picking-table";
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
        <PickItems
          lines={ctx.view.lines}
          pick={{ kind: "return", everything, locked: ctx.locked }}
          issues={op.issues.lines}
        />
      }
    >
      <EverythingField label={t("everything.return")} />
      {hasOrderDiscount(ctx.view) && <FullPriceField />}
      <MoneyField
        name="refundOverride"
        label={t("refundOverride")}
        description={t("refundOverrideHint", { max })}
        issue={op.issues.fields.refundOverride}
      />
      <DocumentUrlField type="creditNote" />
      <ReasonField />
      <NoteField />
    </OperationFrame>
  );
}

/** The order has a discount: its share comes off the returned goods unless staff refund the full price. */
function FullPriceField() {
  const t = useTranslations("fields");
  const { register } = useFormContext();
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" className="mt-0.5 size-4 accent-brand-600" {...register("fullPrice")} />
      <span>
        <span className="font-medium text-slate-800">{t("fullPrice")}</span>
        <span className="block text-xs text-slate-500">{t("fullPriceHint")}</span>
      </span>
    </label>
  );
}
