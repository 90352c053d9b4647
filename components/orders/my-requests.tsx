"use client";
// An agent's own requests for approval, newest first: waiting, approved, rejected or sent back to confirm again —
// with who decided, when and why. A request still waiting (or sent back) can be withdrawn.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { formatMoment, quoted } from "@/lib/i18n/format";
import type { JournalEntry } from "@/lib/operations/types";
import { formatMoney, type Locale } from "@/lib/orders/money";
import type { WithdrawResult } from "@/lib/orders/outcome";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { StaleDiff } from "./stale-diff";
import { DECIDED, STATUS_TONE } from "./timeline-entry";

const OPEN = ["pending_approval", "needs_reconfirmation"];

export function MyRequests({
  entries,
  limit,
  withdraw,
}: {
  entries: JournalEntry[];
  limit: number;
  withdraw: (input: unknown) => Promise<WithdrawResult>;
}) {
  const t = useTranslations("requests");
  const tJournal = useTranslations("journal");
  const tIntent = useTranslations("intents");
  const tErr = useTranslations("failures");
  const locale = useLocale() as Locale;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const m = (n: number) => formatMoney(n, locale);
  const at = (iso: string) => formatMoment(new Date(iso), locale);

  const takeBack = (e: JournalEntry) => {
    setBusyId(e.id);
    startTransition(async () => {
      const result = await withdraw({ operationId: e.id });
      const order = e.orderNumber ?? e.applicationId;
      setSaid(
        result.ok
          ? { ok: true, text: t("withdrawn", { order }) }
          : { ok: false, text: tErr(result.failure.kind as "not_pending") },
      );
      setBusyId(null);
      router.refresh();
    });
  };

  return (
    <div className="space-y-4">
      <div aria-live="polite">
        {said && (
          <p
            role={said.ok ? "status" : "alert"}
            className={
              said.ok
                ? "rounded-lg border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-950"
                : "rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-sm text-red-950"
            }
          >
            {said.text}
          </p>
        )}
      </div>
      {entries.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-4 py-10 text-center text-sm text-slate-600">
          {t("empty")}
        </p>
      ) : (
        <ul className="space-y-3">
          {entries.map((e) => {
            const order = e.orderNumber ?? e.applicationId;
            return (
              <li
                key={e.id}
                aria-label={`${order} — ${tJournal(`status.${e.status}`)}`}
                className="rounded-xl border border-slate-200 bg-white p-4 text-sm shadow-sm"
              >
                <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                  <Badge tone={STATUS_TONE[e.status]}>{tJournal(`status.${e.status}`)}</Badge>
                  <Link
                    href={`/applications/${e.applicationId}`}
                    className="font-semibold text-brand-700 hover:underline"
                  >
                    {order}
                  </Link>
                  <span className="font-medium">{tIntent(e.intent)}</span>
                  <span className="tabular-nums">{m(e.refund)}</span>
                  <span className="ml-auto text-xs text-slate-500">
                    <time dateTime={e.createdAt}>{at(e.createdAt)}</time>
                  </span>
                </div>
                <p className="mt-1 text-slate-700">
                  {e.earlierRefunds > 0
                    ? t("ruleTogether", {
                        earlier: m(e.earlierRefunds),
                        total: m(e.earlierRefunds + e.refund),
                        limit: m(limit),
                      })
                    : t("rule", { refund: m(e.refund), limit: m(limit) })}
                </p>
                {e.note && <p className="mt-1 text-slate-600 italic">{quoted(e.note, locale)}</p>}
                {e.status === "pending_approval" && (
                  <p className="mt-1 font-medium text-slate-800">{t("waiting")}</p>
                )}
                {e.decidedByName && e.decidedAt && (
                  <p className="mt-1 text-slate-800">
                    {tJournal(DECIDED[e.status] ?? "approvedBy", {
                      name: e.decidedByName,
                      at: at(e.decidedAt),
                    })}
                    {e.decisionNote && (
                      <span className="text-slate-600"> — {quoted(e.decisionNote, locale)}</span>
                    )}
                  </p>
                )}
                {e.status === "withdrawn" && e.finishedAt && (
                  <p className="mt-1 text-slate-700">
                    {tJournal("withdrawnBy", { name: e.actorName, at: at(e.finishedAt) })}
                  </p>
                )}
                {e.status === "needs_reconfirmation" && e.orderChange && (
                  <div className="mt-2 space-y-1 rounded-md bg-amber-50 p-3 text-amber-950">
                    <StaleDiff change={e.orderChange} />
                  </div>
                )}
                {OPEN.includes(e.status) && (
                  <div className="mt-3 flex flex-wrap gap-2">
                    {e.status === "needs_reconfirmation" && (
                      <Link
                        href={`/applications/${e.applicationId}?replan=${e.id}`}
                        className="inline-flex h-8 items-center rounded-md bg-brand-600 px-2.5 text-sm font-medium text-white hover:bg-brand-700"
                      >
                        {tJournal("replan")}
                      </Link>
                    )}
                    <Button
                      size="sm"
                      pending={busyId === e.id}
                      disabled={pending}
                      onClick={() => takeBack(e)}
                      aria-label={t("withdraw", { order })}
                    >
                      {t("withdrawShort")}
                    </Button>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
