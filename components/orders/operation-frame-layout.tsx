"use client";
// The operation frame's layout, and what stands in it while a chosen form's code arrives: the lines on the left
// and, where the form will be, its heading and "Loading the form…", so nothing jumps and the choice is answered.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { OperationKind } from "@/lib/orders/operation-kinds";
import { cardClass } from "../ui/class-names";

export const frameGrid = "grid items-start gap-5 max-lg:pb-24 lg:grid-cols-[minmax(0,1fr)_22rem]";
// Sticky beside long orders; taller than the window, it scrolls on its own so "Review" stays in reach.
export const panelClass = `${cardClass} lg:sticky lg:top-4 lg:max-h-[calc(100dvh-2rem)] lg:overflow-y-auto lg:overscroll-contain`;

// On a phone, the summary and "Review" fixed at the bottom edge.
export const reviewBarClass =
  "fixed inset-x-0 bottom-0 z-20 flex items-center gap-3 border-t border-slate-200 bg-white/95 px-4 py-2.5 shadow-[0_-4px_12px_rgba(0,0,0,0.06)] backdrop-blur lg:hidden";

export function OperationFrameLoading({ kind, table }: { kind: OperationKind; table: ReactNode }) {
  const t = useTranslations("workspace");
  return (
    <div className={frameGrid}>
      <div className="min-w-0">{table}</div>
      <section aria-labelledby="panel-heading" aria-busy="true" className={panelClass}>
        <h2 id="panel-heading" className="text-base font-semibold text-slate-900">
          {t(`panelHeading.${kind}`)}
        </h2>
        <p role="status" className="mt-4 animate-pulse text-sm text-slate-600">
          {t("formLoading")}
        </p>
      </section>
      {/* On a phone the panel is below the lines: the review bar's place at the bottom edge says it too. */}
      <p aria-hidden="true" className={`${reviewBarClass} min-h-15 animate-pulse text-sm text-slate-600`}>
        {t("formLoading")}
      </p>
    </div>
  );
}
