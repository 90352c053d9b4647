"use client";
// The decision dialog's content: the amount, an optional note checked by the server's own schema as it is typed,
// Back and the decision. Loaded when a decision is first opened, so zod stays out of the order page's first load.
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { DECISION_NOTE_MAX, decisionFormSchema } from "@/lib/orders/forms/decisions";
import { formatMoney, type Locale } from "@/lib/orders/money";
import { Button } from "../ui/button";
import { inputClass } from "../ui/field";
import type { Decision, DecisionSubject } from "./types";

export default function DecisionForm({
  decision,
  subject,
  busy,
  headingId,
  backId,
  onBack,
  onDecide,
}: {
  decision: Decision;
  subject: DecisionSubject;
  busy: boolean;
  headingId: string;
  /** Back's id: the dialog focuses it on opening, and this form when it arrives after the dialog opened. */
  backId: string;
  onBack: () => void;
  onDecide: (decision: Decision, note: string) => void;
}) {
  const t = useTranslations("decision");
  const tErr = useTranslations("formErrors");
  const tIntent = useTranslations("intents");
  const locale = useLocale() as Locale;
  const [note, setNote] = useState("");
  const [touched, setTouched] = useState(false);
  const uid = useId();
  // Back is where focus starts: the least destructive action. Opened before this form had loaded, the dialog
  // found no Back to focus; once open, it is focused here.
  useEffect(() => document.getElementById(backId)?.focus(), [backId]);
  const parsed = decisionFormSchema.safeParse({ note });
  const error = parsed.success ? null : parsed.error.issues[0]?.message;
  const amount = formatMoney(subject.refund, locale);
  return (
    <form
      className="space-y-4 p-6"
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (parsed.success) onDecide(decision, parsed.data.note);
      }}
    >
      <h2 id={headingId} className="text-lg font-semibold text-slate-900">
        {t(`${decision}Heading`, { intent: tIntent(subject.intent), amount })}
      </h2>
      <p className="text-sm text-slate-700">
        {t(`${decision}Lead`, { name: subject.actorName, amount, order: subject.orderNumber })}
      </p>
      <p className="text-2xl font-semibold tabular-nums text-slate-900" data-testid="decision-amount">
        {amount}
      </p>
      <div className="space-y-1">
        <label htmlFor={`${uid}-note`} className="block text-sm font-medium text-slate-800">
          {t("note")}
        </label>
        <textarea
          id={`${uid}-note`}
          value={note}
          rows={3}
          onChange={(e) => setNote(e.target.value)}
          onBlur={() => setTouched(true)}
          aria-invalid={touched && error ? true : undefined}
          aria-describedby={`${uid}-hint${touched && error ? ` ${uid}-err` : ""}`}
          className={inputClass}
        />
        <p id={`${uid}-hint`} className="text-xs text-slate-500">
          {t("noteHint", { max: DECISION_NOTE_MAX, used: note.trim().length })}
        </p>
        {touched && error && (
          <p id={`${uid}-err`} className="text-xs font-medium text-red-700">
            {tErr(error as "decision_note_too_long")}
          </p>
        )}
      </div>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button id={backId} onClick={onBack}>
          {t("back")}
        </Button>
        <Button type="submit" variant={decision === "approve" ? "primary" : "danger"} pending={busy}>
          {t(`${decision}Confirm`, { amount })}
        </Button>
      </div>
    </form>
  );
}
