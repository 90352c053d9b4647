"use client";
// What holds the application, above the form: another operation in flight or of unknown outcome (with "Check now"
// and until when it holds the application at most), one whose outcome a supervisor must record, or this person's
// request that came back to them to confirm again.
import { useLocale, useTranslations } from "next-intl";
import { formatMoment, quoted } from "@/lib/i18n/format";
import type { JournalEntry } from "@/lib/operations/types";
import { formatMoney, type Locale } from "@/lib/orders/money";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { CheckNow } from "./check-now";
import { LockCountdown } from "./lock-countdown";
import { StaleDiff } from "./stale-diff";

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

/**
 * This person's own request that a supervisor approved on an order that had changed meanwhile: nothing was sent;
 * what changed, who changed it, and one click to plan it again on the order as it is now.
 */
export function ReconfirmRequest({ entry, onReplan }: { entry: JournalEntry; onReplan: () => void }) {
  const t = useTranslations("journal");
  const tIntent = useTranslations("intents");
  const locale = useLocale() as Locale;
  return (
    <Alert
      tone="warning"
      title={t("reconfirmBanner", {
        intent: tIntent(entry.intent),
        amount: formatMoney(entry.refund, locale),
        name: entry.decidedByName ?? "",
        at: formatMoment(new Date(entry.decidedAt ?? entry.createdAt), locale),
      })}
    >
      {entry.orderChange && <StaleDiff change={entry.orderChange} />}
      {entry.decisionNote && <p>{quoted(entry.decisionNote, locale)}</p>}
      <p>{t("reconfirmBannerBody")}</p>
      <div className="pt-1">
        <Button size="sm" variant="primary" onClick={onReplan}>
          {t("replan")}
        </Button>
      </div>
    </Alert>
  );
}
