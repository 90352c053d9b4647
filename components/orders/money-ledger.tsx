"use client";
// Financed → cancelled → returned → refunded → what the total should be, against what Skip Pay says. A difference
// means the order was changed outside this admin: said so, and staff can record on the timeline that they checked.
import { useLocale, useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { formatMoment } from "@/lib/i18n/format";
import type { TimelineNote } from "@/lib/operations/types";
import { driftChecked, type Ledger } from "@/lib/orders/ledger";
import { formatMoney, type Locale } from "@/lib/orders/money";
import type { NoteResult } from "@/lib/orders/outcome";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { cardClass } from "../ui/class-names";
import { inputClass } from "../ui/field";
import { useHydrated } from "../ui/use-hydrated";
import { useServerRenderedInput } from "../ui/use-server-rendered-input";
import type { useOperationResults } from "./use-operation-results";

export function MoneyLedger({
  ledger,
  notes,
  applicationId,
  mayCheck,
  results,
  checkDrift,
}: {
  ledger: Ledger;
  notes: TimelineNote[];
  applicationId: string;
  mayCheck: boolean;
  results: ReturnType<typeof useOperationResults>;
  checkDrift: (input: unknown) => Promise<NoteResult>;
}) {
  const t = useTranslations("ledger");
  const locale = useLocale() as Locale;
  const m = (n: number) => formatMoney(n, locale);
  const [note, setNote] = useState("");
  const noteBox = useRef<HTMLInputElement>(null);
  useServerRenderedInput(noteBox, (input) => input.value || null, setNote);
  const noteId = useId();
  // The page's scripts send this form: posted before they run, it would only reload the page.
  const live = useHydrated();
  const checked = driftChecked(ledger, notes);
  const row = (label: string, value: string, strong = false) => (
    <div className="flex justify-between gap-4 py-1">
      <dt className="text-slate-600">{label}</dt>
      <dd className={`tabular-nums ${strong ? "font-semibold text-slate-900" : "text-slate-800"}`}>
        {value}
      </dd>
    </div>
  );
  const direction = ledger.drift < 0 ? "lower" : "higher";
  return (
    <section aria-labelledby="ledger-heading" className={cardClass}>
      <h2 id="ledger-heading" className="text-base font-semibold text-slate-900">
        {t("title")}
      </h2>
      <dl className="mt-3 divide-y divide-slate-100 text-sm">
        {row(t("financed"), m(ledger.financed))}
        {ledger.changed !== 0 &&
          row(t("changed"), `${ledger.changed > 0 ? "−" : "+"} ${m(Math.abs(ledger.changed))}`)}
        {row(t("cancelled"), `− ${m(ledger.cancelled)}`)}
        {row(t("returned"), `− ${m(ledger.returned)}`)}
        {row(t("refunded"), `− ${m(ledger.refunded)}`)}
        {row(t("expected"), m(ledger.expected), true)}
        {row(t("actual"), m(ledger.actual), true)}
        {ledger.paidOut !== null && ledger.paidOut > 0 && row(t("paidOut"), m(ledger.paidOut))}
      </dl>
      {ledger.claimBack > 0 && (
        <Alert tone="info" title={t("claimBackTitle", { amount: m(ledger.claimBack) })} className="mt-3">
          <p>{t("claimBackBody")}</p>
        </Alert>
      )}
      {ledger.drift !== 0 &&
        (checked ? (
          <p className="mt-3 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
            {t("driftCheckedBy", {
              amount: m(Math.abs(ledger.drift)),
              direction,
              name: checked.actorName,
              at: formatMoment(new Date(checked.createdAt), locale),
            })}
          </p>
        ) : (
          <Alert
            tone="warning"
            title={t("driftTitle", { amount: m(Math.abs(ledger.drift)), direction })}
            className="mt-3"
          >
            <p>{t("driftBody")}</p>
            {mayCheck && (
              <form
                className="mt-2 space-y-2"
                onSubmit={(e) => {
                  e.preventDefault();
                  results.act("drift", () => checkDrift({ applicationId, drift: ledger.drift, note }));
                }}
              >
                <label htmlFor={noteId} className="block text-xs font-medium">
                  {t("driftNote")}
                </label>
                <input
                  ref={noteBox}
                  id={noteId}
                  value={note}
                  maxLength={1000}
                  onChange={(e) => setNote(e.target.value)}
                  className={inputClass}
                />
                <Button size="sm" type="submit" pending={results.busyWith === "drift"} disabled={!live}>
                  {t("driftRecord")}
                </Button>
              </form>
            )}
          </Alert>
        ))}
    </section>
  );
}
