"use client";
// What happened, where the agent is looking: after Confirm the result's heading takes the focus, is scrolled into
// view and announced. One banner per outcome — Skip Pay's confirmed result, a request waiting for approval, or a
// failure that says whether anything happened and whether trying again is safe; an unclear one follows its
// operation in the journal until it is settled, with one "Check now" and the time left on the lock.
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { formatMoment } from "@/lib/i18n/format";
import type { JournalEntry } from "@/lib/operations/types";
import { formatMoney, type Locale } from "@/lib/orders/money";
import { type ApprovalResult, type OperationFailure, verdict } from "@/lib/orders/outcome";
import type { IntentKind } from "@/lib/orders/plan-types";
import { itemCount } from "@/lib/orders/presentation";
import { cx } from "../ui/class-names";
import { CheckNow } from "./check-now";
import { LockCountdown } from "./lock-countdown";
import { StaleDiff } from "./stale-diff";
import { usePlanText } from "./use-plan-text";

export type Shown = (ApprovalResult | { ok: false; failure: OperationFailure; operationId?: string }) & {
  /** Which operation the answer is about (for wording), when known. */
  intent?: IntentKind;
};

const TONES = {
  success: "border-emerald-300 bg-emerald-50 text-emerald-950",
  info: "border-sky-300 bg-sky-50 text-sky-950",
  warning: "border-amber-300 bg-amber-50 text-amber-950",
  error: "border-red-300 bg-red-50 text-red-950",
} as const;

export function OperationResult({
  result,
  entry,
  leaseMs,
  onCheck,
  checking,
}: {
  result: Shown;
  /** The result's operation as the journal has it now (an unclear outcome settles there). */
  entry: JournalEntry | null;
  leaseMs: number;
  /** Reads the order and the journal again; whether it could. */
  onCheck: () => Promise<boolean>;
  checking: boolean;
}) {
  const t = useTranslations("results");
  const tStates = useTranslations("states");
  const tItem = useTranslations("itemStates");
  const tErr = useTranslations("failures");
  const tIntent = useTranslations("intents");
  const text = usePlanText();
  const locale = useLocale() as Locale;
  const heading = useRef<HTMLHeadingElement>(null);
  // A new result: where the agent is looking, and what a screen reader reads next.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again for every new answer.
  useEffect(() => {
    // A frame later: the confirmation (a modal, which makes the rest of the page inert) closes in the same commit
    // when the form stays on screen — an answer that holds the order — and a focus before that would be refused.
    const frame = requestAnimationFrame(() => {
      heading.current?.focus({ preventScroll: true });
      heading.current?.scrollIntoView({ block: "center", behavior: "smooth" });
    });
    return () => cancelAnimationFrame(frame);
  }, [result]);

  let tone: keyof typeof TONES;
  let title: string;
  let body: React.ReactNode = null;
  if (result.ok && result.kind === "needs_reconfirmation") {
    // Approved on an order that changed since the request: nothing was sent, and the request went back to its agent.
    tone = "warning";
    title = t("reconfirmTitle", { name: result.requestedBy });
    body = (
      <>
        <StaleDiff change={result} />
        <p className="font-medium">{t("reconfirmBody", { name: result.requestedBy })}</p>
      </>
    );
  } else if (result.ok && result.kind === "rejected") {
    tone = "info";
    title = t("rejected");
  } else if (result.ok && result.kind === "pending_approval") {
    const m = (n: number) => formatMoney(n, locale);
    tone = "info";
    title = t("pendingTitle", { refund: m(result.plan.refund) });
    body = (
      <p>
        {result.earlier > 0
          ? t("pendingBodyTogether", {
              earlier: m(result.earlier),
              total: m(result.earlier + result.plan.refund),
              limit: m(result.limit),
            })
          : t("pendingBody", { refund: m(result.plan.refund), limit: m(result.limit) })}
      </p>
    );
  } else if (result.ok) {
    const { application, plan } = result;
    tone = "success";
    title = t(`done.${plan.intent}`, {
      ...itemCount(plan.changes),
      refund: formatMoney(plan.refund, locale),
    });
    const matches =
      application.stateReason === plan.expected.stateReason &&
      application.order.totalPrice.amount === plan.totalAfter;
    body = (
      <>
        {result.recovered && <p>{t("recovered")}</p>}
        <p>
          {/* Skip Pay's answer was lost: what is known comes from reading the order again, not from a confirmation. */}
          {t(result.recovered ? "nowRead" : "nowState", {
            state: tStates(`state.${application.state}`),
            substate: tStates(`substate.${application.stateReason}`),
            order: tItem(application.order.state),
            total: formatMoney(application.order.totalPrice.amount, locale),
          })}
        </p>
        {!matches && <p className="font-medium">{t("differs")}</p>}
      </>
    );
  } else {
    const { failure } = result;
    const v = verdict(failure);
    const intent = result.intent ?? entry?.intent ?? "refund";
    // An unclear outcome, settled since: say how, instead of what was unclear.
    const settled = v.applied === "unknown" && entry && !["in_flight", "unknown"].includes(entry.status);
    tone =
      settled && entry.status === "succeeded"
        ? "success"
        : v.applied === "unknown" || failure.kind === "stale"
          ? "warning"
          : "error";
    title = settled
      ? t(`settled.${entry.status}`, { intent: tIntent(intent) })
      : failureTitle(failure, tErr, tIntent, text, locale);
    body = settled ? null : (
      <>
        {failure.kind === "skippay" &&
          ["invalid_request", "not_supported", "not_found"].includes(failure.error) && (
            <p>{t("skippaySaid", { message: failure.message })}</p>
          )}
        {failure.kind === "refused" && <p>{failure.issues.map((i) => text.issue(i)).join(" ")}</p>}
        {failure.kind === "stale" && <StaleDiff change={failure} />}
        <p className="font-medium">{tErr(`applied.${v.applied}`)}</p>
        <p>
          {tErr(`retry.${v.retry}`, {
            seconds: failure.kind === "skippay" ? (failure.retryAfterSeconds ?? 0) : 0,
            // (ICU selectors have no hyphens.)
            intent: intent.replaceAll("-", "_"),
          })}
        </p>
        {failure.kind === "skippay" && failure.ticketId && (
          <p className="text-xs">{t("ticket", { ticket: failure.ticketId })}</p>
        )}
        {v.applied === "unknown" && (
          <div className="flex flex-wrap items-center gap-3 pt-1">
            <CheckNow recheck={onCheck} checking={checking} />
            {entry && ["in_flight", "unknown"].includes(entry.status) && (
              <LockCountdown entry={entry} leaseMs={leaseMs} />
            )}
          </div>
        )}
      </>
    );
  }
  return (
    <div
      role={tone === "error" || tone === "warning" ? "alert" : "status"}
      className={cx("rounded-lg border px-4 py-3 text-sm", TONES[tone])}
      data-testid="operation-result"
    >
      <h2 ref={heading} tabIndex={-1} className="font-semibold outline-none focus-visible:underline">
        {title}
      </h2>
      {body && <div className="mt-1 space-y-1">{body}</div>}
    </div>
  );
}

function failureTitle(
  failure: OperationFailure,
  tErr: ReturnType<typeof useTranslations<"failures">>,
  tIntent: ReturnType<typeof useTranslations<"intents">>,
  _text: ReturnType<typeof usePlanText>,
  locale: Locale,
): string {
  switch (failure.kind) {
    case "skippay":
      return tErr(`skippay.${failure.error}`);
    case "busy":
      return tErr(failure.status === "unknown" ? "busyUnknown" : "busy", {
        name: failure.by,
        intent: tIntent(failure.intent),
        at: formatMoment(new Date(failure.since), locale),
      });
    case "in_progress":
      return tErr("in_progress", {
        intent: tIntent(failure.intent),
        at: formatMoment(new Date(failure.since), locale),
      });
    case "needs_review":
      return tErr("needs_review", { intent: tIntent(failure.intent) });
    case "refused":
    case "stale":
    case "invalid":
    case "not_found":
    case "unauthenticated":
    case "forbidden":
    case "not_pending":
    case "own_request":
    case "foreign_submission":
    case "drift_changed":
      return tErr(failure.kind);
  }
}
