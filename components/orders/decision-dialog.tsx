"use client";
// A supervisor's decision on an agent's request: Approve and Reject each open a confirmation that states the amount
// and takes an optional note (checked by the server's own schema as it is typed). Back is where focus starts.
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { DECISION_NOTE_MAX, decisionFormSchema } from "@/lib/orders/forms/decisions";
import { formatMoney, type Locale } from "@/lib/orders/money";
import type { IntentKind } from "@/lib/orders/plan-types";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { inputClass } from "../ui/field";

export type Decision = "approve" | "reject";

export interface DecisionSubject {
  id: string;
  intent: IntentKind;
  refund: number;
  /** How the trigger buttons name the request (the order number on /approvals). */
  label: string;
  orderNumber: string;
  actorName: string;
}

export function DecisionButtons({
  subject,
  busy,
  onDecide,
}: {
  subject: DecisionSubject;
  busy: boolean;
  onDecide: (decision: Decision, note: string) => void;
}) {
  const t = useTranslations("decision");
  const tErr = useTranslations("formErrors");
  const tIntent = useTranslations("intents");
  const locale = useLocale() as Locale;
  const [open, setOpen] = useState<Decision | null>(null);
  const [note, setNote] = useState("");
  const [touched, setTouched] = useState(false);
  const uid = useId();
  const parsed = decisionFormSchema.safeParse({ note });
  const error = parsed.success ? null : parsed.error.issues[0]?.message;
  const amount = formatMoney(subject.refund, locale);
  const close = () => {
    setOpen(null);
    setTouched(false);
  };
  const submit = () => {
    setTouched(true);
    if (!open || !parsed.success) return;
    onDecide(open, parsed.data.note);
    close();
    setNote("");
  };
  return (
    <>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="primary" pending={busy} onClick={() => setOpen("approve")}>
          {t("approve", { label: subject.label })}
        </Button>
        <Button size="sm" disabled={busy} onClick={() => setOpen("reject")}>
          {t("reject", { label: subject.label })}
        </Button>
      </div>
      <Dialog open={open !== null} onClose={close} labelledBy={`${uid}-h`} initialFocus={`${uid}-back`}>
        {open && (
          <form
            className="space-y-4 p-6"
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <h2 id={`${uid}-h`} className="text-lg font-semibold text-slate-900">
              {t(`${open}Heading`, { intent: tIntent(subject.intent), amount })}
            </h2>
            <p className="text-sm text-slate-700">
              {t(`${open}Lead`, { name: subject.actorName, amount, order: subject.orderNumber })}
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
              <Button id={`${uid}-back`} onClick={close}>
                {t("back")}
              </Button>
              <Button type="submit" variant={open === "approve" ? "primary" : "danger"} pending={busy}>
                {t(`${open}Confirm`, { amount })}
              </Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
