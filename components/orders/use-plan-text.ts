"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatShortDay } from "@/lib/i18n/format";
import { formatMoney, type Locale } from "@/lib/orders/money";
import type { PlanIssue, PlanNote } from "@/lib/orders/plan-types";
import { formatQuantity } from "@/lib/orders/quantity";

type Params = Record<string, string | number> | undefined;

/**
 * Planner issues and notes in the staff member's language. The planner's params are locale-neutral: money in
 * minor units (`…Minor`), quantities in thousandths (`…Milli`), states and dates as codes — formatted here.
 */
export function usePlanText() {
  const tIssue = useTranslations("planIssues");
  const tNote = useTranslations("planNotes");
  const tStates = useTranslations("states");
  const locale = useLocale() as Locale;
  const localize = (params: Params): Record<string, string | number> => {
    // "Already sent{date}": the day when known, else nothing.
    const out: Record<string, string | number> = { date: "" };
    for (const [key, value] of Object.entries(params ?? {})) {
      if (key.endsWith("Minor") && typeof value === "number")
        out[key.slice(0, -5)] = formatMoney(value, locale);
      else if (key.endsWith("Milli") && typeof value === "number")
        out[key.slice(0, -5)] = formatQuantity(value, locale);
      else if (key === "state") out.state = tStates(`state.${value}` as "state.READY");
      else if (key === "stateReason")
        out.stateReason = tStates(`substate.${value}` as "substate.READY_TO_SHIP");
      else if (key === "date" && typeof value === "string") {
        out.date = ` ${formatShortDay(value, locale)}`;
      } else out[key] = value;
    }
    return out;
  };
  return {
    issue: (i: PlanIssue) => tIssue(i.code, localize(i.params)),
    note: (n: PlanNote) => tNote(n.code, localize(n.params)),
  };
}
