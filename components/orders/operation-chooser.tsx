"use client";
import { useTranslations } from "next-intl";
import type { Availability } from "@/lib/orders/availability";
import { OPERATION_KINDS, type OperationKind } from "@/lib/orders/operation-form";
import { cx } from "../ui/class-names";

/** "What happened?" — one radio group of intents; those the state forbids are disabled and say why. */
export function OperationChooser({
  value,
  onChange,
  available,
}: {
  value: OperationKind | null;
  onChange: (kind: OperationKind) => void;
  available: Availability;
}) {
  const t = useTranslations("operations");
  const tWhy = useTranslations("unavailable");
  const tStates = useTranslations("states");
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-semibold text-slate-900">{t("question")}</legend>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2 xl:grid-cols-3">
        {OPERATION_KINDS.map((kind) => {
          const a = available[kind];
          const whyId = `why-${kind}`;
          const why = a.allowed
            ? null
            : a.reason === "not_ready"
              ? tWhy("not_ready", {
                  state: tStates(`state.${a.state}`),
                  substate: tStates(`substate.${a.stateReason}`),
                })
              : a.reason === "application"
                ? tWhy(`application.${a.why}`)
                : tWhy(a.reason);
          return (
            <label
              key={kind}
              className={cx(
                "relative flex cursor-pointer gap-3 rounded-lg border bg-white p-3 text-sm shadow-sm transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600",
                value === kind
                  ? "border-brand-600 ring-1 ring-brand-600"
                  : "border-slate-200 hover:border-slate-300",
                !a.allowed && "cursor-not-allowed bg-slate-50 opacity-70",
              )}
            >
              <input
                type="radio"
                name="operation-kind"
                value={kind}
                checked={value === kind}
                disabled={!a.allowed}
                onChange={() => onChange(kind)}
                aria-describedby={why ? whyId : `desc-${kind}`}
                className="mt-0.5 size-4 shrink-0 accent-brand-600 focus:outline-none"
              />
              <span>
                <span className="block font-semibold text-slate-900">{t(`${kind}.label`)}</span>
                <span id={`desc-${kind}`} className="block text-xs text-slate-600">
                  {t(`${kind}.description`)}
                </span>
                {why && (
                  <span id={whyId} className="mt-1 block text-xs font-medium text-amber-800">
                    {why}
                  </span>
                )}
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
