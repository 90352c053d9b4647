"use client";
// The frame every operation form shares: the order's lines on the left, the operation's fields and live preview on
// the right (sticky beside long orders), a review bar that stays in reach on a phone, and the confirmation.
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect } from "react";
import { FormProvider } from "react-hook-form";
import { Button } from "../ui/button";
import { ConfirmDialog } from "./confirm-dialog";
import { frameGrid, panelClass, reviewBarClass } from "./operation-frame-layout";
import { PlanHeadline, PlanPreview } from "./plan-preview";
import type { OperationForm } from "./use-operation-form";

export function OperationFrame({
  op,
  table,
  children,
}: {
  op: OperationForm;
  /** The order's lines (with a quantity column for operations that pick lines). */
  table: ReactNode;
  /** The operation's own fields. */
  children: ReactNode;
}) {
  const t = useTranslations("workspace");
  const { form, openReview, ctx, kind } = op;
  // A request sent back, opened again as this form: the button that opened it is gone, so the form takes focus.
  const replaces = ctx.prefill?.replaces;
  useEffect(() => {
    if (replaces) document.getElementById("panel-heading")?.focus();
  }, [replaces]);
  return (
    <FormProvider {...form}>
      <form onSubmit={openReview} noValidate aria-labelledby="panel-heading" className={frameGrid}>
        <div className="min-w-0">
          <a
            href="#review-panel"
            className="sr-only focus:not-sr-only focus:mb-2 focus:inline-block focus:rounded-md focus:bg-white focus:px-3 focus:py-1.5 focus:text-sm focus:font-medium"
          >
            {t("skipToReview")}
          </a>
          {table}
        </div>
        <aside id="review-panel" className={panelClass}>
          <h2
            id="panel-heading"
            tabIndex={-1}
            className="text-base font-semibold text-slate-900 outline-none"
          >
            {t(`panelHeading.${kind}`)}
          </h2>
          {/* While another operation holds the application, nothing here can be changed or sent. */}
          <fieldset disabled={ctx.locked} className="mt-4 min-w-0 space-y-4">
            {children}
          </fieldset>
          <div className="mt-4 space-y-3 border-t border-slate-200 pt-4" aria-live="polite">
            <PlanPreview op={op} />
          </div>
          <Button type="submit" variant="primary" className="mt-4 w-full max-lg:hidden" disabled={ctx.locked}>
            {t(`review.${kind}`)}
          </Button>
        </aside>
        {/* On a phone the panel is far below a long list: its summary and "Review" stay at the bottom edge. The
            summary wraps (two lines at 390 px in Czech) rather than being cut: it is what Review will do. */}
        <div className={reviewBarClass}>
          <div className="min-w-0 flex-1 text-sm leading-snug">
            <PlanHeadline op={op} />
          </div>
          <Button type="submit" variant="primary" disabled={ctx.locked}>
            {t(`review.${kind}`)}
          </Button>
        </div>
      </form>
      <ConfirmDialog op={op} />
    </FormProvider>
  );
}
