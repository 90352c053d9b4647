"use client";
// What changed in an order since a page planned on it, line by line, and who changed it.
import { useLocale, useTranslations } from "next-intl";
import { formatMoment } from "@/lib/i18n/format";
import { formatMoney, type Locale } from "@/lib/orders/money";
import type { OrderChange } from "@/lib/orders/outcome";
import { ITEM_STATE_ORDER } from "@/lib/orders/presentation";
import { formatQuantity } from "@/lib/orders/quantity";
import type { OrderState } from "@/lib/skippay/schemas";

export function StaleDiff({ change }: { change: OrderChange }) {
  const t = useTranslations("results");
  const tStates = useTranslations("states");
  const tItem = useTranslations("itemStates");
  const tIntent = useTranslations("intents");
  const locale = useLocale() as Locale;
  const states = (q: Partial<Record<OrderState, number>>) =>
    ITEM_STATE_ORDER.filter((s) => (q[s] ?? 0) > 0)
      .map((s) => `${formatQuantity(q[s] ?? 0, locale)}× ${tItem(s)}`)
      .join(", ") || "–";
  const { diff, changedBy } = change;
  return (
    <>
      <ul className="list-disc pl-5">
        {diff.total && (
          <li>
            {t("staleTotal", {
              before: formatMoney(diff.total.before, locale),
              after: formatMoney(diff.total.after, locale),
            })}
          </li>
        )}
        {diff.stateReason && (
          <li>
            {t("staleState", {
              before: tStates(`substate.${diff.stateReason.before}`),
              after: tStates(`substate.${diff.stateReason.after}`),
            })}
          </li>
        )}
        {diff.lines.map((l) => (
          <li key={l.key ?? l.name}>
            {t("staleLine", { name: l.name, before: states(l.before), after: states(l.after) })}
          </li>
        ))}
      </ul>
      <p>
        {changedBy.length > 0
          ? changedBy
              .map((c) =>
                t("staleBy", {
                  name: c.name,
                  intent: tIntent(c.intent),
                  at: formatMoment(new Date(c.at), locale),
                }),
              )
              .join(" ")
          : t("staleOutside")}
      </p>
    </>
  );
}
