"use client";
// A supervisor's decision on an agent's request: Approve and Reject each open a confirmation that states the amount
// and takes an optional note. The confirmation's form loads once the buttons are on screen, after the page is
// interactive (it brings zod), and waits for it if opened sooner.
import { useTranslations } from "next-intl";
import { lazy, Suspense, useEffect, useId, useState } from "react";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { useHydrated } from "../ui/use-hydrated";
import type { Decision, DecisionSubject } from "./types";

export type { Decision };

const loadForm = () => import("./decision-form");
const DecisionForm = lazy(loadForm);

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
  const [open, setOpen] = useState<Decision | null>(null);
  const uid = useId();
  // The confirmation opens only with the page's scripts: until they run, the buttons say "not yet".
  const live = useHydrated();
  useEffect(() => {
    loadForm();
  }, []);
  const close = () => setOpen(null);
  return (
    <>
      <div className="flex flex-wrap gap-2">
        {/* The label names the request, so on a phone it wraps inside a taller button rather than leave the card. */}
        <Button
          size="sm"
          variant="primary"
          pending={busy}
          disabled={!live}
          onClick={() => setOpen("approve")}
          className="h-auto! min-h-8 max-w-full py-1"
        >
          <span className="whitespace-normal">{t("approve", { label: subject.label })}</span>
        </Button>
        <Button
          size="sm"
          disabled={busy || !live}
          onClick={() => setOpen("reject")}
          className="h-auto! min-h-8 max-w-full py-1"
        >
          <span className="whitespace-normal">{t("reject", { label: subject.label })}</span>
        </Button>
      </div>
      <Dialog open={open !== null} onClose={close} labelledBy={`${uid}-h`} initialFocus={`${uid}-back`}>
        {open && (
          <Suspense
            fallback={
              <p role="status" className="p-6 text-sm text-slate-600">
                {t("loading")}
              </p>
            }
          >
            <DecisionForm
              decision={open}
              subject={subject}
              busy={busy}
              headingId={`${uid}-h`}
              backId={`${uid}-back`}
              onBack={close}
              onDecide={(decision, note) => {
                onDecide(decision, note);
                close();
              }}
            />
          </Suspense>
        )}
      </Dialog>
    </>
  );
}
