"use client";
// The approvals page confirms a supervisor's decision: what they decided, on which order, for whom. Carried in the
// page's URL (?decided=<id>), so it stays through a reload or a language switch; Dismiss (or leaving the page, or
// an hour) ends it.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import type { JournalEntry } from "@/lib/operations/types";
import { formatMoney, type Locale } from "@/lib/orders/money";
import { decisionKey } from "../layout/decision-notice";
import { Button } from "../ui/button";

export type DecidedEntry = Pick<
  JournalEntry,
  "id" | "applicationId" | "orderNumber" | "intent" | "refund" | "status" | "actorName"
>;

export function DecisionConfirmation({
  entry,
  onDismiss,
  focus = false,
}: {
  entry: DecidedEntry;
  onDismiss: () => void;
  /** Just decided here: the line takes the focus the closed dialog gave up. */
  focus?: boolean;
}) {
  const t = useTranslations("approvals");
  const tIntent = useTranslations("intents");
  const locale = useLocale() as Locale;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focus) box.current?.focus();
  }, [focus]);
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="status"
      className="flex items-start gap-3 rounded-lg border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-950"
    >
      <p className="min-w-0 flex-1">
        {t(`decision.${decisionKey(entry.status)}`, {
          intent: tIntent(entry.intent),
          amount: formatMoney(entry.refund, locale),
          number: entry.orderNumber ?? entry.applicationId,
          name: entry.actorName,
        })}{" "}
        <Link
          href={`/applications/${entry.applicationId}`}
          className="font-medium whitespace-nowrap underline"
        >
          {t("openOrder")}
        </Link>
      </p>
      <Button size="sm" variant="ghost" className="-mt-1" onClick={onDismiss}>
        {t("dismiss")}
      </Button>
    </div>
  );
}
