"use client";
// The live preview beside the form: what the operation would do as typed, or what is in its way.
import { useLocale, useTranslations } from "next-intl";
import type { ApprovalNeeded } from "@/lib/auth/roles";
import { formatMoney, type Locale } from "@/lib/orders/money";
import { changedLines, itemCount } from "@/lib/orders/presentation";
import { OrderChangeSummary } from "./order-change-summary";
import { PlanIssues, PlanMoney, PlanStates } from "./plan-summary";
import type { OperationForm } from "./use-operation-form";

/** Where the form's errors are (react-hook-form nests them as it nests the values; a leaf has a type). */
function errorPaths(errors: object, prefix = ""): string[] {
  return Object.entries(errors).flatMap(([key, value]) => {
    if (!value || typeof value !== "object") return [];
    const path = prefix ? `${prefix}.${key}` : key;
    return "type" in value ? [path] : errorPaths(value, path);
  });
}

/**
 * Something typed is in the way: a field the form refuses, or a line or field the planner refuses. A field's error
 * counts once it is on screen — the field was left or changed, or the review asked for (a line just added is
 * checked at once, but says nothing until then).
 */
function needsFixing({ form, issues }: OperationForm): boolean {
  const { formState } = form;
  const shown = errorPaths(formState.errors).some((path) => {
    const field = form.getFieldState(path, formState);
    return formState.isSubmitted || field.isTouched || field.isDirty;
  });
  return shown || issues.lines.size > 0 || Object.keys(issues.fields).length > 0;
}

export function PlanPreview({ op }: { op: OperationForm }) {
  const t = useTranslations("workspace");
  const { live, issues, ctx, kind } = op;
  if (live) {
    return (
      <>
        {live.orderChange && <OrderChangeSummary change={live.orderChange} />}
        <PlanMoney plan={live} />
        <PlanStates plan={live} application={ctx.application} />
        <ApprovalNotice approval={ctx.approval(live)} refund={live.refund} />
        <AwaitingNotice awaiting={ctx.awaitingApproval} refund={live.refund} />
      </>
    );
  }
  if (issues.form.length > 0) return <PlanIssues issues={issues.form} />;
  return <p className="text-sm text-slate-500">{t(needsFixing(op) ? "fixFields" : `hint.${kind}`)}</p>;
}

/** One line for the phone's review bar: what would happen, in a few words. */
export function PlanHeadline({ op }: { op: OperationForm }) {
  const t = useTranslations("workspace");
  const locale = useLocale() as Locale;
  const { live } = op;
  if (!live)
    return <span className="text-slate-500">{t(needsFixing(op) ? "headlineFix" : "headlineNone")}</span>;
  // An order change moves no items between states: what it changes is lines (or only the delivery).
  if (live.orderChange)
    return (
      <span className="block font-medium text-slate-900">
        {t("headlineChange", {
          count: changedLines(live.orderChange).length,
          total: formatMoney(live.totalAfter, locale),
        })}
      </span>
    );
  // An amount-only refund moves no lines: "0 lines" would only confuse.
  if (live.changes.length === 0)
    return (
      <span className="block font-medium text-slate-900">
        {t("headlineRefund", {
          refund: formatMoney(live.refund, locale),
          total: formatMoney(live.totalAfter, locale),
        })}
      </span>
    );
  const { count, unit } = itemCount(live.changes);
  return (
    <span className="block font-medium text-slate-900">
      {t("headline", {
        count,
        unit,
        refund: live.refund > 0 ? formatMoney(live.refund, locale) : "none",
        total: formatMoney(live.totalAfter, locale),
      })}
    </span>
  );
}

/** Why the refund waits for a supervisor: the rule, with this person's own figures. */
export function ApprovalNotice({ approval, refund }: { approval: ApprovalNeeded | null; refund: number }) {
  const t = useTranslations("workspace");
  const locale = useLocale() as Locale;
  if (!approval) return null;
  const m = (n: number) => formatMoney(n, locale);
  return (
    <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950">
      {approval.earlier > 0
        ? t("needsApprovalTogether", {
            earlier: m(approval.earlier),
            total: m(approval.total),
            limit: m(approval.limit),
          })
        : t("needsApproval", { refund: m(refund), limit: m(approval.limit) })}
    </p>
  );
}

/** Another refund on this order still waits for a supervisor: approved, it comes on top of this one. */
export function AwaitingNotice({ awaiting, refund }: { awaiting: number; refund: number }) {
  const t = useTranslations("workspace");
  const locale = useLocale() as Locale;
  if (awaiting <= 0 || refund <= 0) return null;
  return (
    <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950">
      {t("awaitingApproval", { amount: formatMoney(awaiting, locale) })}
    </p>
  );
}
