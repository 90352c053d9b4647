import { getTranslations } from "next-intl/server";
import { OrderBreadcrumb } from "@/components/orders/order-breadcrumb";
import { OPERATION_KINDS } from "@/lib/orders/operation-kinds";

/** A block of the page still loading. */
const bar = "rounded bg-slate-200/80";
const card = "rounded-xl border border-slate-200 bg-white p-5 shadow-sm";
/** The header's facts, as the page draws them. */
const FACTS = ["financing", "order", "variable-symbol", "application", "sent", "delivered"];

/**
 * While Skip Pay is read: the page's own shape (its way back already working), so nothing jumps when the order
 * arrives — the header, the choice of operation and the lines.
 */
export default async function Loading() {
  const t = await getTranslations("application");
  return (
    <div className="space-y-4">
      <OrderBreadcrumb label={t("breadcrumb")} back={t("back")} />
      <p role="status" className="sr-only">
        {t("loadingOrder")}
      </p>
      <div className="animate-pulse space-y-6" aria-hidden="true">
        <div className={`${card} space-y-3`}>
          <div className={`${bar} h-3 w-36`} />
          <div className={`${bar} h-7 w-64 max-w-full`} />
          <div className={`${bar} h-4 w-96 max-w-full`} />
          <div className={`${bar} mt-5 h-10 w-full`} />
          <div className="grid grid-cols-2 gap-4 pt-2 md:grid-cols-6">
            {FACTS.map((fact) => (
              <div key={fact} className={`${bar} h-9`} />
            ))}
          </div>
        </div>
        <div className={`${card} space-y-3`}>
          <div className={`${bar} h-4 w-32`} />
          <div className="grid gap-2 md:grid-cols-3">
            {OPERATION_KINDS.map((operation) => (
              <div key={operation} className={`${bar} h-20`} />
            ))}
          </div>
        </div>
        <div className="space-y-3">
          <div className={`${bar} h-6 w-40`} />
          <div className={`${card} h-64`} />
        </div>
      </div>
    </div>
  );
}
