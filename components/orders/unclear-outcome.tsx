"use client";
// An operation whose outcome stayed unclear past its lease: the evidence (the order before, what the operation
// meant it to become, the order as last seen) and, for a supervisor, where to record what happened.
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { formatMoment } from "@/lib/i18n/format";
import type { JournalEntry } from "@/lib/operations/types";
import { diffBasis, type OrderBasis } from "@/lib/orders/basis";
import { formatMoney, type Locale } from "@/lib/orders/money";
import { ITEM_STATE_ORDER } from "@/lib/orders/presentation";
import { formatQuantity } from "@/lib/orders/quantity";
import { Button } from "../ui/button";
import { inputClass } from "../ui/field";

export type Resolve = (operationId: string, outcome: "applied" | "not_applied", note: string) => void;

export function UnclearOutcome({
  entry,
  lineNames,
  mayResolve,
  onResolve,
  resolving,
}: {
  entry: JournalEntry;
  lineNames: Record<string, string>;
  mayResolve: boolean;
  onResolve: Resolve;
  resolving: boolean;
}) {
  const t = useTranslations("journal");
  const tItem = useTranslations("itemStates");
  const locale = useLocale() as Locale;
  const [note, setNote] = useState("");
  const noteId = useId();
  if (entry.resolvedByName && entry.resolvedAt) {
    return (
      <p className="mt-1 text-slate-700">
        {t("resolvedBy", {
          outcome: entry.reconciliation ?? "not_applied",
          name: entry.resolvedByName,
          at: formatMoment(new Date(entry.resolvedAt), locale),
        })}
        {entry.resolutionNote && <span className="text-slate-600"> — {entry.resolutionNote}</span>}
      </p>
    );
  }
  if (entry.status !== "needs_review" || !entry.evidence) return null;
  const { before, expected, seen } = entry.evidence;
  const states = (q: OrderBasis["lines"][string] | undefined) =>
    ITEM_STATE_ORDER.filter((s) => (q?.[s] ?? 0) > 0)
      .map((s) => `${formatQuantity(q?.[s] ?? 0, locale)}× ${tItem(s)}`)
      .join(", ") || "–";
  // The lines the operation meant to change, and those that changed some other way.
  const keys = new Set([
    ...diffBasis(before, expected, {}).lines.map((l) => l.key ?? ""),
    ...(seen ? diffBasis(before, seen, {}).lines.map((l) => l.key ?? "") : []),
  ]);
  const rows = [
    {
      key: "total",
      name: t("evidence.total"),
      before: formatMoney(before.total, locale),
      expected: formatMoney(expected.total, locale),
      seen: seen ? formatMoney(seen.total, locale) : "–",
    },
    ...[...keys].map((key) => ({
      key,
      name: lineNames[key] ?? key,
      before: states(before.lines[key]),
      expected: states(expected.lines[key]),
      seen: seen ? states(seen.lines[key]) : "–",
    })),
  ];
  return (
    <div className="mt-3 space-y-2 rounded-md bg-amber-50 p-3">
      <p className="text-slate-800">{t("needsReview")}</p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-xs">
          <caption className="sr-only">{t("evidence.caption")}</caption>
          <thead>
            <tr className="text-slate-600">
              <th scope="col" className="py-1 pr-2 font-medium">
                <span className="sr-only">{t("evidence.what")}</span>
              </th>
              <th scope="col" className="py-1 pr-2 font-medium">
                {t("evidence.before")}
              </th>
              <th scope="col" className="py-1 pr-2 font-medium">
                {t("evidence.ifApplied")}
              </th>
              <th scope="col" className="py-1 font-medium">
                {t("evidence.seen")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className="border-t border-amber-200 align-top">
                <th scope="row" className="py-1 pr-2 font-medium text-slate-800">
                  {r.name}
                </th>
                <td className="py-1 pr-2 tabular-nums">{r.before}</td>
                <td className="py-1 pr-2 tabular-nums">{r.expected}</td>
                <td className="py-1 tabular-nums">{r.seen}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {mayResolve ? (
        <>
          <label htmlFor={noteId} className="block text-xs font-medium text-slate-700">
            {t("resolutionNote")}
          </label>
          <input
            id={noteId}
            value={note}
            maxLength={1000}
            onChange={(ev) => setNote(ev.target.value)}
            className={inputClass}
          />
          <div className="flex flex-wrap gap-2">
            <Button size="sm" pending={resolving} onClick={() => onResolve(entry.id, "applied", note)}>
              {t("resolveApplied")}
            </Button>
            <Button size="sm" disabled={resolving} onClick={() => onResolve(entry.id, "not_applied", note)}>
              {t("resolveNotApplied")}
            </Button>
          </div>
        </>
      ) : (
        <p className="text-xs text-slate-600">{t("needsReviewWaiting")}</p>
      )}
    </div>
  );
}
