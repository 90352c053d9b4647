"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatMoment } from "@/lib/i18n/format";
import { formatMoney, type Locale } from "@/lib/orders/money";
import type { OperationFailure, OperationResult as Result } from "@/lib/orders/outcome";
import { verdict } from "@/lib/orders/outcome";
import { ITEM_STATE_ORDER } from "@/lib/orders/presentation";
import { formatQuantity } from "@/lib/orders/quantity";
import type { OrderState } from "@/lib/skippay/schemas";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { usePlanText } from "./use-plan-text";

type Shown =
  | Result
  | { ok: true; kind: "rejected"; operationId: string }
  | { ok: false; failure: OperationFailure };

/** What happened, persistently (not a toast): Skip Pay's confirmed result, a request waiting for approval, or a
 * failure that says whether anything happened and whether trying again is safe. */
export function OperationResult({
  result,
  onCheckAgain,
  checking,
}: {
  result: Shown;
  onCheckAgain: () => void;
  checking: boolean;
}) {
  const t = useTranslations("results");
  const tStates = useTranslations("states");
  const tItem = useTranslations("itemStates");
  const tErr = useTranslations("failures");
  const tIntent = useTranslations("intents");
  const text = usePlanText();
  const locale = useLocale() as Locale;

  if (result.ok && result.kind === "rejected")
    return <Alert tone="info" title={t("rejected")} className="mb-4" />;
  if (result.ok && result.kind === "pending_approval") {
    return (
      <Alert
        tone="info"
        title={t("pendingTitle", { refund: formatMoney(result.plan.refund, locale) })}
        className="mb-4"
      >
        <p>{t("pendingBody", { limit: formatMoney(result.limit, locale) })}</p>
      </Alert>
    );
  }
  if (result.ok) {
    const { application, plan } = result;
    const count = plan.changes.reduce((n, c) => n + c.quantity, 0) / 1000;
    const matches =
      application.stateReason === plan.expected.stateReason &&
      application.order.totalPrice.amount === plan.totalAfter;
    return (
      <Alert
        tone="success"
        title={t(`done.${plan.intent}`, { count, refund: formatMoney(plan.refund, locale) })}
        className="mb-4"
      >
        <p>
          {t("nowState", {
            state: tStates(`state.${application.state}`),
            substate: tStates(`substate.${application.stateReason}`),
            order: tItem(application.order.state),
            total: formatMoney(application.order.totalPrice.amount, locale),
          })}
        </p>
        {result.recovered && <p>{t("recovered")}</p>}
        {!matches && <p className="font-medium">{t("differs")}</p>}
      </Alert>
    );
  }

  const { failure } = result;
  const v = verdict(failure);
  let title: string;
  let detail: React.ReactNode = null;
  switch (failure.kind) {
    case "skippay":
      title = tErr(`skippay.${failure.error}`);
      if (["invalid_request", "not_supported", "not_found"].includes(failure.error)) {
        detail = <p>{t("skippaySaid", { message: failure.message })}</p>;
      }
      break;
    case "refused":
      title = tErr("refused");
      detail = <p>{failure.issues.map((i) => text.issue(i)).join(" ")}</p>;
      break;
    case "busy":
      title = tErr(failure.status === "unknown" ? "busyUnknown" : "busy", {
        name: failure.by,
        intent: tIntent(failure.intent),
        at: formatMoment(new Date(failure.since), locale),
      });
      break;
    case "in_progress":
      title = tErr("in_progress", {
        intent: tIntent(failure.intent),
        at: formatMoment(new Date(failure.since), locale),
      });
      break;
    case "needs_review":
      title = tErr("needs_review", { intent: tIntent(failure.intent) });
      break;
    case "stale": {
      title = tErr("stale");
      const states = (q: Partial<Record<OrderState, number>>) =>
        ITEM_STATE_ORDER.filter((s) => (q[s] ?? 0) > 0)
          .map((s) => `${formatQuantity(q[s] ?? 0, locale)}× ${tItem(s)}`)
          .join(", ") || "–";
      detail = (
        <>
          <ul className="list-disc pl-5">
            {failure.diff.total && (
              <li>
                {t("staleTotal", {
                  before: formatMoney(failure.diff.total.before, locale),
                  after: formatMoney(failure.diff.total.after, locale),
                })}
              </li>
            )}
            {failure.diff.stateReason && (
              <li>
                {t("staleState", {
                  before: tStates(`substate.${failure.diff.stateReason.before}`),
                  after: tStates(`substate.${failure.diff.stateReason.after}`),
                })}
              </li>
            )}
            {failure.diff.lines.map((l) => (
              <li key={l.key ?? l.name}>
                {t("staleLine", { name: l.name, before: states(l.before), after: states(l.after) })}
              </li>
            ))}
          </ul>
          <p>
            {failure.changedBy.length > 0
              ? failure.changedBy
                  .map((c) =>
                    t("staleBy", {
                      name: c.name,
                      intent: tIntent(c.intent),
                      at: formatMoment(new Date(c.at), locale),
                    }),
                  )
                  .join(" ")
              : t("staleOutside")}
          </p>
        </>
      );
      break;
    }
    default:
      title = tErr(failure.kind);
  }
  return (
    <Alert
      tone={v.applied === "unknown" || failure.kind === "stale" ? "warning" : "error"}
      title={title}
      className="mb-4"
    >
      {detail}
      <p className="font-medium">{tErr(`applied.${v.applied}`)}</p>
      <p>
        {tErr(`retry.${v.retry}`, {
          seconds: failure.kind === "skippay" ? (failure.retryAfterSeconds ?? 0) : 0,
        })}
      </p>
      {failure.kind === "skippay" && failure.ticketId && (
        <p className="text-xs">{t("ticket", { ticket: failure.ticketId })}</p>
      )}
      {v.applied === "unknown" && (
        <Button size="sm" className="mt-2" onClick={onCheckAgain} pending={checking}>
          {t("checkAgain")}
        </Button>
      )}
    </Alert>
  );
}
