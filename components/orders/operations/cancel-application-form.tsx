"use client";
// Cancel the whole application: Skip Pay's reason (the one list to choose from) and an internal note.
import { useTranslations } from "next-intl";
import { useFormContext } from "react-hook-form";
import { CANCEL_REASONS } from "@/lib/skippay/enums";
import { Field, inputClass } from "../../ui/field";
import { NoteField, useFieldError } from "../fields";
import { ItemsTable } from "../items-table";
import { OperationFrame } from "../operation-frame";
import { type OperationContext, useOperationForm } from "../use-operation-form";

export function CancelApplicationForm({ ctx }: { ctx: OperationContext }) {
  const op = useOperationForm("cancel-application", ctx);
  return (
    <OperationFrame op={op} table={<ItemsTable lines={ctx.view.lines} pick={null} />}>
      <CancelReasonField />
      <NoteField />
    </OperationFrame>
  );
}

function CancelReasonField() {
  const t = useTranslations("fields");
  const tCancel = useTranslations("cancelReasons");
  const { register } = useFormContext();
  const error = useFieldError("cancelReason");
  return (
    <Field label={t("cancelReason")} description={t("cancelReasonHint")} error={error}>
      {(ids) => (
        <select {...ids} {...register("cancelReason")} className={inputClass}>
          <option value="">{t("chooseReason")}</option>
          {CANCEL_REASONS.map((r) => (
            <option key={r} value={r}>
              {tCancel(r)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
