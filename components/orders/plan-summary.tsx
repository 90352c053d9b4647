"use client";
import { useLocale, useTranslations } from "next-intl";
import { memo, useState } from "react";
import { formatMoney, type Locale } from "@/lib/orders/money";
import type { Plan, PlanIssue } from "@/lib/orders/plan-types";
import { SUBSTATE_TONE } from "@/lib/orders/presentation";
import { formatQuantity } from "@/lib/orders/quantity";
import { operationPath } from "@/lib/skippay/paths";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import { Badge } from "../ui/badge";
import { OrderChangeSummary } from "./order-change-summary";
import { usePlanText } from "./use-plan-text";
import { VatTable } from "./vat-table";

type Current = Pick<ApplicationResponse, "id" | "state" | "stateReason"> & {
  order: Pick<ApplicationResponse["order"], "state">;
};

/** Money moving, as one short list: refund or cancelled value, and the total before → after. */
export function PlanMoney({ plan }: { plan: Plan }) {
  const t = useTranslations("preview");
  const locale = useLocale() as Locale;
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
      {(plan.discountShare ?? 0) > 0 && (
        <>
          <dt className="text-slate-600">{t("discountShare")}</dt>
          <dd className="text-right tabular-nums" data-testid="plan-discount-share">
            {formatMoney(-(plan.discountShare ?? 0), locale)}
          </dd>
        </>
      )}
      {plan.refund > 0 && (
        <>
          <dt className="text-slate-600">{t("refund")}</dt>
          <dd className="text-right font-semibold tabular-nums" data-testid="plan-refund">
            {formatMoney(plan.refund, locale)}
          </dd>
        </>
      )}
      {plan.cancelledValue > 0 && (
        <>
          <dt className="text-slate-600">{t("cancelledValue")}</dt>
          <dd className="text-right font-semibold tabular-nums">
            {formatMoney(plan.cancelledValue, locale)}
          </dd>
        </>
      )}
      <dt className="text-slate-600">{t("newTotal")}</dt>
      <dd className="text-right tabular-nums" data-testid="plan-new-total">
        {/* Struck through only when it changes: shipping or delivering leaves the total as it is. */}
        {plan.totalBefore === plan.totalAfter ? (
          <>
            <span className="font-semibold text-slate-900">{formatMoney(plan.totalAfter, locale)}</span>{" "}
            <span className="text-slate-500">({t("unchanged")})</span>
          </>
        ) : (
          <>
            <span className="text-slate-500 line-through">{formatMoney(plan.totalBefore, locale)}</span>{" "}
            <span className="font-semibold text-slate-900">{formatMoney(plan.totalAfter, locale)}</span>
          </>
        )}
      </dd>
    </dl>
  );
}

/** Current → expected states of the application and the order, both written the same way. */
export function PlanStates({ plan, application }: { plan: Plan; application: Current }) {
  const t = useTranslations("preview");
  const tStates = useTranslations("states");
  const tItem = useTranslations("itemStates");
  const both = (state: Current["state"], substate: Current["stateReason"]) =>
    `${tStates(`state.${state}`)} · ${tStates(`substate.${substate}`)}`;
  const same =
    application.stateReason === plan.expected.stateReason &&
    application.state === plan.expected.applicationState;
  return (
    <div className="space-y-1 text-sm">
      <p className="flex flex-wrap items-center gap-1.5">
        <span className="text-slate-600">{t("application")}:</span>
        <Badge tone={SUBSTATE_TONE[application.stateReason]}>
          {both(application.state, application.stateReason)}
        </Badge>
        {same ? (
          <span className="text-slate-500">({t("unchanged")})</span>
        ) : (
          <>
            <span aria-hidden="true">→</span>
            <span className="sr-only">{t("becomes")}</span>
            <Badge tone={SUBSTATE_TONE[plan.expected.stateReason]}>
              {both(plan.expected.applicationState, plan.expected.stateReason)}
            </Badge>
          </>
        )}
      </p>
      <p className="flex flex-wrap items-center gap-1.5">
        <span className="text-slate-600">{t("order")}:</span>
        <span>{tItem(application.order.state)}</span>
        {application.order.state !== plan.expected.orderState && (
          <>
            <span aria-hidden="true">→</span>
            <span className="sr-only">{t("becomes")}</span>
            <span className="font-medium">{tItem(plan.expected.orderState)}</span>
          </>
        )}
      </p>
    </div>
  );
}

/** Lines listed in the confirmation; the rest are summed up in one sentence (and all are in the request). */
const LISTED_CHANGES = 50;

/** Everything the confirmation shows: items, money with VAT per rate, states, notes and the exact request. */
export const PlanDetails = memo(function PlanDetails({
  plan,
  application,
}: {
  plan: Plan;
  application: Current;
}) {
  const t = useTranslations("preview");
  const tItem = useTranslations("itemStates");
  const text = usePlanText();
  const locale = useLocale() as Locale;
  const path = operationPath(application.id, plan.operation);
  const [showBody, setShowBody] = useState(false);
  return (
    <div className="space-y-4">
      {plan.changes.length > 0 && (
        <section>
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("items")}</h3>
          <ul className="mt-1 max-h-48 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200 text-sm">
            {plan.changes.slice(0, LISTED_CHANGES).map((c) => (
              // Not content-visibility: auto — at most LISTED_CHANGES entries, and the dialog's first paint must
              // show them (skipped entries would be painted one frame late).
              <li key={c.key} className="flex items-baseline justify-between gap-3 px-3 py-1.5">
                <span>
                  <span className="font-medium">{formatQuantity(c.quantity, locale)}×</span> {c.name}{" "}
                  <span className="font-mono text-xs text-slate-500">{c.code}</span>
                  <span className="block text-xs text-slate-500">
                    {c.from.map((s) => tItem(s)).join(" / ")} → {tItem(c.to)}
                  </span>
                </span>
                <span className="tabular-nums text-slate-700">{formatMoney(c.value, locale)}</span>
              </li>
            ))}
          </ul>
          {plan.changes.length > LISTED_CHANGES && (
            <p className="mt-1 text-xs text-slate-600">
              {t("moreLines", { count: plan.changes.length - LISTED_CHANGES })}
            </p>
          )}
        </section>
      )}

      {plan.orderChange && (
        <section>
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("orderChange")}</h3>
          <div className="mt-1">
            <OrderChangeSummary change={plan.orderChange} />
          </div>
        </section>
      )}

      <section className="grid gap-4 sm:grid-cols-2">
        <div>
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("money")}</h3>
          <div className="mt-1">
            <PlanMoney plan={plan} />
          </div>
          <VatTable plan={plan} />
        </div>
        <div>
          <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{t("states")}</h3>
          <div className="mt-1">
            <PlanStates plan={plan} application={application} />
          </div>
        </div>
      </section>

      {plan.notes.length > 0 && (
        <ul className="space-y-1 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {plan.notes.map((n) => (
            <li key={n.code}>{text.note(n)}</li>
          ))}
        </ul>
      )}

      {/* The request is written out only when asked for: for a 1,000-line return it is 1,000 items of JSON. */}
      <details
        className="rounded-md border border-slate-200 text-sm"
        onToggle={(e) => setShowBody(e.currentTarget.open)}
      >
        <summary className="cursor-pointer px-3 py-2 font-medium text-slate-700">
          {t("request")} <code className="ml-1 text-xs text-slate-500 wrap-anywhere">PUT {path}</code>
        </summary>
        {showBody && (
          <pre
            className="overflow-x-auto border-t border-slate-200 bg-slate-50 px-3 py-2 text-xs"
            data-testid="plan-body"
          >
            {JSON.stringify(plan.body, null, 2)}
          </pre>
        )}
      </details>
    </div>
  );
});

/** Planner refusals that belong to the whole form (per-line ones show in the table). */
export function PlanIssues({ issues }: { issues: PlanIssue[] }) {
  const text = usePlanText();
  if (issues.length === 0) return null;
  return (
    <ul className="space-y-1 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950">
      {issues.map((i) => (
        <li key={`${i.field}-${i.code}`}>{text.issue(i)}</li>
      ))}
    </ul>
  );
}
