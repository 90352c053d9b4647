import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { OperationFilter } from "@/lib/db/applications";
import { formatDay } from "@/lib/i18n/format";
import type { Locale } from "@/lib/orders/money";
import { splitLabeller } from "@/lib/reports/labels";

/**
 * Above a list opened from a report's figure: which operations it counts — the period, and the kind, reason, staff
 * member and financing type the figure stood for — and the way back to that report's period.
 */
export async function ReportBanner({ filter, actorName }: { filter: OperationFilter; actorName?: string }) {
  const t = await getTranslations("list");
  const label = await splitLabeller();
  const locale = (await getLocale()) as Locale;
  // In the words of the report's own tables.
  const scope = [
    filter.intent && label("operation", filter.intent),
    filter.reason !== undefined && label("reason", filter.reason),
    filter.actorId && label("staff", filter.actorId, actorName),
    filter.financingType !== undefined && label("type", filter.financingType),
  ].filter((part): part is string => !!part);
  const back = new URLSearchParams({ range: "custom", from: filter.from, to: filter.to });
  return (
    <p className="-mt-2 rounded-lg bg-brand-50 px-3 py-2 text-sm text-slate-800">
      {t("fromReport", {
        from: formatDay(filter.from, locale),
        to: formatDay(filter.to, locale),
        what: filter.metric ?? "any",
      })}
      {scope.length > 0 && <> {t("fromReportScope", { scope: scope.join(" · ") })}</>}{" "}
      <Link href={`/reports?${back}`} className="text-brand-700 hover:underline">
        {t("backToReports")}
      </Link>
    </p>
  );
}
