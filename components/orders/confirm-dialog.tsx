"use client";
// The confirmation: everything that will happen — items, money and VAT per rate, current → expected states,
// notes, the exact request — and nothing is sent before Confirm. Back is where focus starts.
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { formatMoney, type Locale } from "@/lib/orders/money";
import { itemCount } from "@/lib/orders/presentation";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Dialog } from "../ui/dialog";
import { ApprovalNotice, AwaitingNotice } from "./plan-preview";
import { PlanDetails } from "./plan-summary";
import type { OperationForm } from "./use-operation-form";

export function ConfirmDialog({ op }: { op: OperationForm }) {
  const t = useTranslations("workspace");
  const locale = useLocale() as Locale;
  const { review, ctx, closeReview, confirm } = op;
  const plan = review?.plan;
  const approval = plan ? ctx.approval(plan) : null;
  const destructive = plan?.intent === "cancel-application" || plan?.intent === "cancel-all";
  // Both buttons are disabled while it sends (seconds, when Skip Pay is slow): the keyboard waits on the heading
  // instead of falling to the page, until the answer takes it.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (ctx.sending) heading.current?.focus();
  }, [ctx.sending]);
  return (
    <Dialog open={!!review} onClose={closeReview} labelledBy="confirm-heading" initialFocus="confirm-back">
      {plan && (
        <div className="p-6">
          <h2
            ref={heading}
            id="confirm-heading"
            tabIndex={-1}
            className="text-lg font-semibold text-slate-900 outline-none"
          >
            {/* Above the limit nothing is sent yet: the heading says what Confirm does, asking a supervisor. */}
            {approval ? t("confirm.headingApproval") : t(`confirm.heading.${plan.intent}`)}
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            {t("confirm.lead", { number: ctx.application.order.number })}
          </p>
          <div className="mt-4">
            <PlanDetails plan={plan} application={ctx.application} />
          </div>
          <div className="mt-4 empty:hidden">
            <AwaitingNotice awaiting={ctx.awaitingApproval} refund={plan.refund} />
          </div>
          {approval && (
            <Alert tone="warning" title={t("needsApprovalTitle")} className="mt-4">
              <ApprovalNotice approval={approval} refund={plan.refund} />
            </Alert>
          )}
          <div className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button id="confirm-back" onClick={closeReview} disabled={ctx.sending}>
              {t("confirm.back")}
            </Button>
            <Button variant={destructive ? "danger" : "primary"} onClick={confirm} pending={ctx.sending}>
              {ctx.sending
                ? t("confirm.sending")
                : approval
                  ? t("confirm.requestApproval", { refund: formatMoney(plan.refund, locale) })
                  : t(`confirm.go.${plan.intent}`, {
                      ...itemCount(plan.changes),
                      refund: formatMoney(plan.refund, locale),
                      total: formatMoney(plan.totalAfter, locale),
                    })}
            </Button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
