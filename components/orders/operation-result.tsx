"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatMoney, type Locale } from "@/lib/orders/money";
import { type OperationFailure, type OperationSuccess, verdict } from "@/lib/orders/outcome";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { usePlanText } from "./use-plan-text";

/** What happened, persistently (not a toast): Skip Pay's confirmed result, or a failure that says whether
 * anything happened and whether trying again is safe. */
export function OperationResult({
  result,
  onCheckAgain,
  checking,
}: {
  result: OperationSuccess | { ok: false; failure: OperationFailure };
  onCheckAgain: () => void;
  checking: boolean;
}) {
  const t = useTranslations("results");
  const tStates = useTranslations("states");
  const tItem = useTranslations("itemStates");
  const tErr = useTranslations("failures");
  const text = usePlanText();
  const locale = useLocale() as Locale;

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
        {!matches && <p className="font-medium">{t("differs")}</p>}
      </Alert>
    );
  }

  const { failure } = result;
  const v = verdict(failure);
  let title: string;
  let detail: string | null = null;
  if (failure.kind === "skippay") {
    title = tErr(`skippay.${failure.error}`);
    if (failure.error === "invalid_request" || failure.error === "not_supported") detail = failure.message;
  } else if (failure.kind === "refused") {
    title = tErr("refused");
    detail = failure.issues.map((i) => text.issue(i)).join(" ");
  } else {
    title = tErr(failure.kind);
  }
  return (
    <Alert tone={v.applied === "unknown" ? "warning" : "error"} title={title} className="mb-4">
      {detail && <p>{t("skippaySaid", { message: detail })}</p>}
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
