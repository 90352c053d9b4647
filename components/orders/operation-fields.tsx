"use client";
import { useLocale, useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { useFormContext } from "react-hook-form";
import type { OperationFormValues } from "@/lib/orders/intents";
import type { OrderView } from "@/lib/orders/lines";
import { formatMoney, type Locale } from "@/lib/orders/money";
import { OPERATION_REASONS, type OperationKind } from "@/lib/orders/operation-form";
import type { PlanIssue } from "@/lib/orders/planner";
import { CANCEL_REASONS, DELIVERY_CARRIERS } from "@/lib/skippay/enums";
import { Field, inputClass } from "../ui/field";
import { usePlanText } from "./use-plan-text";

/** The fields an operation needs besides the items: amounts, shipping details, reason and internal note. */
export function OperationFields({
  kind,
  view,
  needsVariableSymbol,
  issues,
}: {
  kind: OperationKind;
  view: OrderView;
  /** The order has no variable symbol yet: sending it must give one (Skip Pay pays the order out under it). */
  needsVariableSymbol: boolean;
  /** The planner's objections to a field, on the order as it is now (e.g. a refund above what remains). */
  issues: Record<string, PlanIssue>;
}) {
  const t = useTranslations("fields");
  const tErr = useTranslations("formErrors");
  const text = usePlanText();
  const tReasons = useTranslations("reasons");
  const tCancel = useTranslations("cancelReasons");
  const locale = useLocale() as Locale;
  const { register, formState } = useFormContext<OperationFormValues>();
  const err = (name: keyof OperationFormValues) => {
    const message = formState.errors[name]?.message;
    if (typeof message === "string") return tErr(message);
    const issue = issues[name];
    return issue ? text.issue(issue) : undefined;
  };
  const refundable = formatMoney(view.refundable, locale);
  const lineKinds: OperationKind[] = ["cancel", "return", "send", "deliver"];
  return (
    <div className="space-y-4">
      {lineKinds.includes(kind) && (
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-0.5 size-4 accent-brand-600" {...register("everything")} />
          <span>
            <span className="font-medium text-slate-800">{t(`everything.${kind}`)}</span>
            <span className="block text-xs text-slate-500">{t("everythingHint")}</span>
          </span>
        </label>
      )}

      {kind === "return" && (
        <Field
          label={t("refundOverride")}
          description={t("refundOverrideHint", { max: refundable })}
          error={err("refundOverride")}
        >
          {(ids) => <MoneyInput {...ids} {...register("refundOverride")} />}
        </Field>
      )}

      {kind === "refund" && (
        <Field label={t("amount")} description={t("amountHint", { max: refundable })} error={err("amount")}>
          {(ids) => <MoneyInput {...ids} {...register("amount")} />}
        </Field>
      )}

      {kind === "send" && (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2">
          <Field label={t("sentDate")} error={err("sentDate")}>
            {(ids) => <input {...ids} type="date" {...register("sentDate")} className={inputClass} />}
          </Field>
          <Field label={t("carrier")} error={err("carrier")}>
            {(ids) => (
              <>
                <input
                  {...ids}
                  list="carriers"
                  {...register("carrier")}
                  autoComplete="off"
                  className={inputClass}
                />
                <datalist id="carriers">
                  {DELIVERY_CARRIERS.map((c) => (
                    <option key={c} value={c} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field
            label={t("trackingNumber")}
            error={err("trackingNumber")}
            className="sm:col-span-2 lg:col-span-1 xl:col-span-2"
          >
            {(ids) => (
              <input {...ids} {...register("trackingNumber")} autoComplete="off" className={inputClass} />
            )}
          </Field>
          {needsVariableSymbol && (
            <Field
              label={t("variableSymbol")}
              description={t("variableSymbolHint")}
              error={err("variableSymbol")}
              className="sm:col-span-2 lg:col-span-1 xl:col-span-2"
            >
              {(ids) => (
                <input
                  {...ids}
                  {...register("variableSymbol")}
                  inputMode="numeric"
                  maxLength={10}
                  autoComplete="off"
                  className={inputClass}
                />
              )}
            </Field>
          )}
        </div>
      )}

      {kind === "deliver" && (
        <Field label={t("deliveryDate")} error={err("deliveryDate")}>
          {(ids) => <input {...ids} type="date" {...register("deliveryDate")} className={inputClass} />}
        </Field>
      )}

      {kind === "cancel-application" && (
        <Field label={t("cancelReason")}>
          {(ids) => (
            <select {...ids} {...register("cancelReason")} className={inputClass}>
              {CANCEL_REASONS.map((r) => (
                <option key={r} value={r}>
                  {tCancel(r)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}

      <Field label={t("reason")} error={err("reason")}>
        {(ids) => (
          <select {...ids} {...register("reason")} className={inputClass}>
            {OPERATION_REASONS.map((r) => (
              <option key={r} value={r}>
                {tReasons(r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("note")} description={t("noteHint")} error={err("note")}>
        {(ids) => <textarea {...ids} {...register("note")} rows={2} className={inputClass} />}
      </Field>
    </div>
  );
}

/** An amount in CZK as staff type it ("1 234,50"), with the currency shown inside the field. */
function MoneyInput(props: ComponentProps<"input">) {
  return (
    <div className="relative">
      <input
        {...props}
        inputMode="decimal"
        autoComplete="off"
        placeholder="0,00"
        className={`${inputClass} pr-10`}
      />
      <span className="pointer-events-none absolute inset-y-0 right-3 grid place-items-center text-sm text-slate-500">
        Kč
      </span>
    </div>
  );
}
