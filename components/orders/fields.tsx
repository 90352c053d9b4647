"use client";
// The fields operation forms share: an amount, a reason, an internal note with its counter, a date, "everything
// remaining". Each shows its own error as staff type (the schema's), else the planner's objection to it.
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { pragueToday } from "@/lib/i18n/config";
import { NOTE_MAX } from "@/lib/orders/forms/fields";
import { formatMoney, type Locale } from "@/lib/orders/money";
import { OPERATION_REASONS } from "@/lib/orders/operation-kinds";
import type { PlanIssue } from "@/lib/orders/plan-types";
import { Field, inputClass } from "../ui/field";
import { usePlanText } from "./use-plan-text";

/** The message for a field: the schema's code, else the planner's issue for it. */
export function useFieldError(name: string, issue?: PlanIssue): string | undefined {
  const tErr = useTranslations("formErrors");
  const text = usePlanText();
  const { formState } = useFormContext();
  const message = name
    .split(".")
    .reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], formState.errors);
  const code = (message as { message?: unknown } | undefined)?.message;
  if (typeof code === "string") return tErr.has(code) ? tErr(code) : code;
  return issue ? text.issue(issue) : undefined;
}

/** An amount in CZK as staff type it ("1 234,50"), with the currency as the UI language writes it. */
export function MoneyField({
  name,
  label,
  description,
  issue,
}: {
  name: string;
  label: ReactNode;
  description?: ReactNode;
  issue?: PlanIssue;
}) {
  const t = useTranslations("fields");
  const { register } = useFormContext();
  const error = useFieldError(name, issue);
  return (
    <Field label={label} description={description} error={error}>
      {(ids) => (
        <div className="relative">
          <input
            {...ids}
            {...register(name)}
            inputMode="decimal"
            autoComplete="off"
            placeholder={t("amountPlaceholder")}
            className={`${inputClass} pr-12`}
          />
          <span className="pointer-events-none absolute inset-y-0 right-3 grid place-items-center text-sm text-slate-500">
            {t("currency")}
          </span>
        </div>
      )}
    </Field>
  );
}

/** Why staff do it: they choose; nothing is preselected. */
export function ReasonField() {
  const t = useTranslations("fields");
  const tReasons = useTranslations("reasons");
  const { register } = useFormContext();
  const error = useFieldError("reason");
  return (
    <Field label={t("reason")} error={error}>
      {(ids) => (
        <select {...ids} {...register("reason")} className={inputClass}>
          <option value="">{t("chooseReason")}</option>
          {OPERATION_REASONS.map((r) => (
            <option key={r} value={r}>
              {tReasons(r)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The internal note, with how much room is left (the schema allows NOTE_MAX characters; so does the field). */
export function NoteField() {
  const t = useTranslations("fields");
  const locale = useLocale();
  const { register, control } = useFormContext();
  const note = (useWatch({ control, name: "note" }) as string | undefined) ?? "";
  const error = useFieldError("note");
  const count = new Intl.NumberFormat(locale === "cs" ? "cs-CZ" : "en-GB");
  return (
    <Field
      label={t("note")}
      description={
        <span className="flex justify-between gap-2">
          <span>{t("noteHint")}</span>
          <span aria-live={note.length > NOTE_MAX - 100 ? "polite" : "off"} className="tabular-nums">
            {t("noteCount", { used: count.format(note.length), max: count.format(NOTE_MAX) })}
          </span>
        </span>
      }
      error={error}
    >
      {(ids) => (
        <textarea {...ids} {...register("note")} rows={2} maxLength={NOTE_MAX} className={inputClass} />
      )}
    </Field>
  );
}

export function DateField({ name, label }: { name: string; label: ReactNode }) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  return (
    <Field label={label} error={error}>
      {(ids) => <input {...ids} type="date" max={pragueToday()} {...register(name)} className={inputClass} />}
    </Field>
  );
}

/** "Everything remaining": Skip Pay then receives the empty request. */
export function EverythingField({ label }: { label: ReactNode }) {
  const t = useTranslations("fields");
  const { register } = useFormContext();
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" className="mt-0.5 size-4 accent-brand-600" {...register("everything")} />
      <span>
        <span className="font-medium text-slate-800">{label}</span>
        <span className="block text-xs text-slate-500">{t("everythingHint")}</span>
      </span>
    </label>
  );
}

/** At most this much can still be refunded, in the UI's language. */
export function useRefundable(refundable: number) {
  const locale = useLocale() as Locale;
  return formatMoney(refundable, locale);
}
