"use client";
// Skip Pay could not be read: what the admin's own index knows of the order (its number, customer and last known
// state — nothing to act on), and a way to try again.
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { formatMoment } from "@/lib/i18n/format";
import { formatMoney, type Locale } from "@/lib/orders/money";
import type { SkipPayErrorKind } from "@/lib/skippay/errors";
import type { ApplicationState, StateReason } from "@/lib/skippay/schemas";
import { ApplicationStateBadges } from "../applications/state-badges";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { cardClass } from "../ui/class-names";

/** What the admin's index last recorded of an application. */
export interface KnownApplication {
  orderNumber: string;
  customerName: string | null;
  state: ApplicationState;
  stateReason: StateReason;
  totalAmount: number;
  updatedAt: string;
}

export function OrderUnavailable({
  applicationId,
  error,
  known,
}: {
  applicationId: string;
  error: SkipPayErrorKind;
  known: KnownApplication | null;
}) {
  const t = useTranslations("application");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const [retrying, startRetry] = useTransition();
  return (
    <div className="space-y-4">
      <Alert tone="error" title={t("loadFailed")}>
        <p>{t("loadFailedBody", { kind: error })}</p>
        {/* A form, so that before the page is interactive the browser reloads it instead of ignoring the click. */}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            startRetry(() => router.refresh());
          }}
        >
          <Button type="submit" size="sm" className="mt-2" pending={retrying}>
            {t("retry")}
          </Button>
        </form>
      </Alert>
      {known ? (
        <section aria-labelledby="known-heading" className={cardClass}>
          <h1 id="known-heading" className="text-xl font-semibold text-slate-900">
            {t("title", { number: known.orderNumber })}
          </h1>
          <p className="mt-1 text-sm text-slate-600">
            {t("lastKnown", { at: formatMoment(new Date(known.updatedAt), locale) })}
          </p>
          <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-xs text-slate-500">{t("customer")}</dt>
              <dd className="font-medium">{known.customerName ?? "–"}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t("lastState")}</dt>
              <dd>
                <ApplicationStateBadges state={known.state} stateReason={known.stateReason} />
              </dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t("currentTotal")}</dt>
              <dd className="tabular-nums">{formatMoney(known.totalAmount, locale)}</dd>
            </div>
            <div>
              <dt className="text-xs text-slate-500">{t("applicationId")}</dt>
              <dd className="font-mono">{applicationId}</dd>
            </div>
          </dl>
        </section>
      ) : (
        <p className="text-sm text-slate-600">{t("notIndexed", { id: applicationId })}</p>
      )}
    </div>
  );
}
