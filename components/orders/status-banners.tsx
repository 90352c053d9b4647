"use client";
// What holds the application, above the form: another operation in flight or of unknown outcome (with "Check now"
// and until when it holds the application at most), or one whose outcome a supervisor must record.
import { useLocale, useTranslations } from "next-intl";
import { formatMoment } from "@/lib/i18n/format";
import type { JournalEntry } from "@/lib/operations/types";
import type { Locale } from "@/lib/orders/money";
import { Alert } from "../ui/alert";
import { CheckNow } from "./check-now";
import { LockCountdown } from "./lock-countdown";

export function ActiveOperation({
  entry,
  leaseMs,
  recheck,
  checking,
}: {
  entry: JournalEntry;
  leaseMs: number;
  /** Reads the order and the journal again; whether it could. */
  recheck: () => Promise<boolean>;
  checking: boolean;
}) {
  const t = useTranslations("journal");
  const tIntent = useTranslations("intents");
  const locale = useLocale() as Locale;
  const unknown = entry.status === "unknown";
  return (
    <Alert
      tone="warning"
      title={t(unknown ? "activeUnknown" : "activeInFlight", {
        intent: tIntent(entry.intent),
        name: entry.actorName,
        at: formatMoment(new Date(entry.startedAt ?? entry.createdAt), locale),
      })}
    >
      <p>{t(unknown ? "activeUnknownBody" : "activeInFlightBody")}</p>
      <div className="flex flex-wrap items-center gap-3 pt-1">
        <CheckNow recheck={recheck} checking={checking} />
        <LockCountdown entry={entry} leaseMs={leaseMs} />
      </div>
    </Alert>
  );
}

/** An operation whose outcome stayed unclear: said above the form, so nobody repeats it meanwhile. */
export function UnclearOperation({ entry }: { entry: JournalEntry }) {
  const t = useTranslations("journal");
  const tIntent = useTranslations("intents");
  const locale = useLocale() as Locale;
  return (
    <Alert
      tone="warning"
      title={t("needsReviewBanner", {
        intent: tIntent(entry.intent),
        name: entry.actorName,
        at: formatMoment(new Date(entry.startedAt ?? entry.createdAt), locale),
      })}
    >
      <p>{t("needsReviewBannerBody")}</p>
    </Alert>
  );
}
