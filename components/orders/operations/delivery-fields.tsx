"use client";
// The delivery, as the change-order form fixes it: a new delivery address and/or carrier; empty = as it is. The six
// address fields wait behind a disclosure: most changes are to the lines, and the review button stays near them.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useFormContext } from "react-hook-form";
import type { PlanIssue } from "@/lib/orders/plan-types";
import { addressLine } from "@/lib/orders/presentation";
import { DELIVERY_CARRIERS } from "@/lib/skippay/enums";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import { Field, inputClass } from "../../ui/field";
import { useFieldError } from "../fields";

const ADDRESS = ["name", "street", "number", "city", "zip", "country"] as const;

export function DeliveryFields({
  order,
  issues,
}: {
  order: ApplicationResponse["order"];
  issues: Record<string, PlanIssue>;
}) {
  const t = useTranslations("changeOrder.delivery");
  const now = (order.addresses ?? []).find((a) => a.addressType === "DELIVERY");
  const current = now ? addressLine(now) : t("noAddress");
  const { getValues } = useFormContext();
  // Open from the start when the form comes filled in with an address (a request sent back); the country alone is
  // only the default.
  const [open, setOpen] = useState(() => {
    const typed = (getValues("delivery") ?? {}) as Record<string, string | undefined>;
    return ADDRESS.some((name) => name !== "country" && !!typed[name]);
  });
  const addressIssue = ADDRESS.some((name) => issues[`delivery.${name}`]);
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-800">{t("heading")}</legend>
      <p className="text-xs text-slate-500">
        {t("current", { address: current, carrier: order.deliveryCarrier ?? t("noCarrier") })}
      </p>
      <DeliveryField name="carrier" issue={issues["delivery.carrier"]} />
      <details open={open || addressIssue} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary className="cursor-pointer rounded text-sm font-medium text-brand-700 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600">
          {t("fixAddress")}
        </summary>
        <div className="mt-2 space-y-2">
          {ADDRESS.map((name) => (
            <DeliveryField key={name} name={name} issue={issues[`delivery.${name}`]} />
          ))}
        </div>
      </details>
    </fieldset>
  );
}

function DeliveryField({ name, issue }: { name: (typeof ADDRESS)[number] | "carrier"; issue?: PlanIssue }) {
  const t = useTranslations("changeOrder.delivery");
  const carriers = useTranslations("carriers");
  const { register } = useFormContext();
  const path = `delivery.${name}`;
  const error = useFieldError(path, issue);
  return (
    <Field label={t(name)} error={error}>
      {(ids) =>
        name === "carrier" ? (
          <select {...ids} {...register(path)} className={inputClass}>
            <option value="">{t("carrierSame")}</option>
            {DELIVERY_CARRIERS.map((c) => (
              <option key={c} value={c}>
                {carriers(c)}
              </option>
            ))}
          </select>
        ) : (
          <input {...ids} {...register(path)} autoComplete="off" className={inputClass} />
        )
      }
    </Field>
  );
}
