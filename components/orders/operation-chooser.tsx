"use client";
// "What happened?" — one radio group of operations. Those the application's state forbids are disabled; a reason
// they share is said once for all of them, and when nothing is possible only that is said.
import { useTranslations } from "next-intl";
import { useRef } from "react";
import {
  type Availability,
  sameReason,
  type Unavailable,
  unavailableReason,
} from "@/lib/orders/availability";
import { OPERATION_KINDS, type OperationKind } from "@/lib/orders/operation-kinds";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import { cardClass, cx } from "../ui/class-names";
import { useServerRenderedInput } from "../ui/use-server-rendered-input";

export function OperationChooser({
  value,
  onChange,
  available,
  application,
}: {
  value: OperationKind | null;
  onChange: (kind: OperationKind) => void;
  available: Availability;
  application: Pick<ApplicationResponse, "state" | "stateReason">;
}) {
  const t = useTranslations("operations");
  const tWhy = useTranslations("unavailable");
  const tStates = useTranslations("states");
  const why = (a: Unavailable) =>
    a.reason === "not_ready"
      ? tWhy("not_ready", {
          state: tStates(`state.${a.state}`),
          substate: tStates(`substate.${a.stateReason}`),
        })
      : a.reason === "application"
        ? tWhy(`application.${a.why}`)
        : a.reason === "order_change"
          ? tWhy(`order_change.${a.why}`)
          : tWhy(a.reason);
  const shared = unavailableReason(available);
  // A radio checked before the page was interactive shows as chosen: the form opens for it.
  const group = useRef<HTMLFieldSetElement>(null);
  useServerRenderedInput(
    group,
    (fieldset) =>
      fieldset.querySelector<HTMLInputElement>("input[name=operation-kind]:checked")?.value ?? null,
    (checked) => {
      const kind = OPERATION_KINDS.find((k) => k === checked);
      if (kind && kind !== value && available[kind].allowed) onChange(kind);
    },
  );
  if (OPERATION_KINDS.every((k) => !available[k].allowed)) {
    // Not a live region: it is what the page says on arrival, not news.
    return (
      <section
        aria-labelledby="nothing-possible"
        className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm"
      >
        <h2 id="nothing-possible" className="font-semibold text-slate-900">
          {t("nothingPossible")}
        </h2>
        <p className="mt-1 text-slate-700">
          {shared
            ? why(shared)
            : tWhy("closed", {
                state: tStates(`state.${application.state}`),
                substate: tStates(`substate.${application.stateReason}`),
              })}
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="operation-question" className={cardClass}>
      <fieldset ref={group} aria-describedby={shared ? "why-shared" : undefined}>
        <legend id="operation-question" className="mb-2 text-sm font-semibold text-slate-900">
          {t("question")}
        </legend>
        {shared && (
          <p id="why-shared" className="mb-2 text-sm font-medium text-amber-800">
            {why(shared)}
          </p>
        )}
        <div className="grid grid-cols-1 gap-2 sm:grid-cols-2 xl:grid-cols-3">
          {OPERATION_KINDS.map((kind) => {
            const a = available[kind];
            const own = a.allowed || (shared && sameReason(a, shared)) ? null : why(a);
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
                  aria-describedby={own ? `why-${kind}` : `desc-${kind}`}
                  className="mt-0.5 size-4 shrink-0 accent-brand-600 focus:outline-none"
                />
                <span>
                  <span className="block font-semibold text-slate-900">{t(`${kind}.label`)}</span>
                  <span id={`desc-${kind}`} className="block text-xs text-slate-600">
                    {t(`${kind}.description`)}
                  </span>
                  {own && (
                    <span id={`why-${kind}`} className="mt-1 block text-xs font-medium text-amber-800">
                      {own}
                    </span>
                  )}
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
    </section>
  );
}
