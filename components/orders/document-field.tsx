"use client";
// The address of a document to attach to the operation: the invoice when marking sent, the credit note when
// returning or refunding. Optional; checked as typed (an https:// address).
import { useTranslations } from "next-intl";
import { useFormContext } from "react-hook-form";
import { Field, inputClass } from "../ui/field";
import { useFieldError } from "./fields";

export function DocumentUrlField({ type }: { type: "invoice" | "creditNote" }) {
  const t = useTranslations("fields");
  const { register } = useFormContext();
  const error = useFieldError("documentUrl");
  return (
    <Field label={t(`documentUrl.${type}`)} description={t("documentUrlHint")} error={error}>
      {(ids) => (
        <input
          {...ids}
          type="url"
          inputMode="url"
          placeholder="https://"
          autoComplete="off"
          {...register("documentUrl")}
          className={inputClass}
        />
      )}
    </Field>
  );
}
