"use client";
// Decisions on an agent's requests made since they last looked, announced politely (role=status). It stays — through
// a reload or a language switch — until the agent dismisses it or opens a decided order; then it is marked seen.
// Each links to its order; a request that came back to be confirmed again says so, and the order page offers to
// plan it again in one click.
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { formatMoment, quoted } from "@/lib/i18n/format";
import type { JournalEntry } from "@/lib/operations/types";
import { formatMoney, type Locale } from "@/lib/orders/money";
import { Button } from "../ui/button";

export type NoticeDecision = Pick<
  JournalEntry,
  | "id"
  | "applicationId"
  | "orderNumber"
  | "intent"
  | "refund"
  | "status"
  | "decidedByName"
  | "decidedAt"
  | "decisionNote"
>;

/** How a decision reads: rejected, sent back because the order changed, or approved (and how it went). */
export const decisionKey = (status: JournalEntry["status"]) =>
  status === "rejected"
    ? "rejected"
    : status === "needs_reconfirmation"
      ? "needs_reconfirmation"
      : status === "succeeded"
        ? "approvedDone"
        : "approved";

export function DecisionNotice({
  decisions,
  markSeen,
}: {
  decisions: NoticeDecision[];
  markSeen: (ids: string[]) => Promise<unknown>;
}) {
  const t = useTranslations("requests");
  const tIntent = useTranslations("intents");
  const locale = useLocale() as Locale;
  // Decisions still on screen. Seen when acknowledged, not when merely rendered: a reload must not lose them.
  const [acknowledged, setAcknowledged] = useState<string[]>([]);
  const shown = decisions.filter((d) => !acknowledged.includes(d.id));
  const acknowledge = (ids: string[]) => {
    setAcknowledged((before) => [...before, ...ids]);
    markSeen(ids).catch(() => {});
  };
  if (shown.length === 0) return null;
  return (
    <div
      role="status"
      aria-labelledby="decision-notice-heading"
      className="mb-5 rounded-lg border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-sky-950"
    >
      <div className="flex items-start gap-3">
        <h2 id="decision-notice-heading" className="font-semibold">
          {t("noticeTitle", { count: shown.length })}
        </h2>
        <Button
          size="sm"
          variant="ghost"
          className="ml-auto -mt-1"
          onClick={() => acknowledge(shown.map((d) => d.id))}
        >
          {t("dismiss")}
        </Button>
      </div>
      <ul className="mt-1 space-y-1">
        {shown.map((d) => (
          <li key={d.id}>
            <Link
              href={`/applications/${d.applicationId}`}
              className="font-medium underline"
              onClick={() => acknowledge([d.id])}
            >
              {d.orderNumber ?? d.applicationId}
            </Link>{" "}
            {t(`decided.${decisionKey(d.status)}`, {
              intent: tIntent(d.intent),
              amount: formatMoney(d.refund, locale),
              name: d.decidedByName ?? "",
              at: d.decidedAt ? formatMoment(new Date(d.decidedAt), locale) : "",
            })}
            {d.decisionNote && <span className="italic"> {quoted(d.decisionNote, locale)}</span>}
          </li>
        ))}
      </ul>
      <p className="mt-2">
        <Link href="/requests" className="font-medium underline">
          {t("allRequests")}
        </Link>
      </p>
    </div>
  );
}
