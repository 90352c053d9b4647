// What changes for the customer after an operation, as a message the agent can copy into an e-mail or chat — in
// Czech or English whatever the UI language, and right for the financing type: with "pay later"
// (DEFERRED_PAYMENT) the customer pays one amount by the invoice's due date; with "pay in three" (PAY_IN_THREE)
// Skip Pay spreads the new total over the instalments still to pay. Only what is certain is said: the items, the
// amounts, the new total, and that anything paid above the new total comes back.
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import { formatMoney, type Locale } from "./money";
import type { Plan } from "./planner";
import { formatQuantity } from "./quantity";

export type CustomerMessagePlan = Pick<Plan, "intent" | "refund" | "cancelledValue" | "changes" | "body">;
export type CustomerMessageApplication = Pick<ApplicationResponse, "type"> & {
  order: { number: string; totalPrice: { amount: number } };
};

interface Texts {
  greeting: string;
  closing: string;
  owesNothing: string;
  paidBack: string;
  payLater: string;
  payInThree: string;
  cancel: (items: string, amount: string, total: string) => string;
  cancelAll: string;
  ret: (items: string) => string;
  returnAll: string;
  refund: (refund: string) => string;
  dropsBy: (amount: string, total: string) => string;
  stays: (total: string) => string;
  sent: (tracking: string) => string;
  delivered: string;
}

const TEXT: Record<Locale, (order: string) => Texts> = {
  cs: (order) => ({
    greeting: "Dobrý den,",
    closing: "S pozdravem",
    owesNothing: `Za objednávku ${order} už společnosti Skip Pay nic nedlužíte.`,
    paidBack: "Pokud jste už zaplatili víc, Skip Pay vám rozdíl vrátí.",
    payLater: "Novou částku zaplatíte společnosti Skip Pay do data splatnosti uvedeného na vaší faktuře.",
    payInThree: "Skip Pay podle nové částky upraví splátky, které ještě zbývá zaplatit.",
    cancel: (items, amount, total) =>
      `před odesláním jsme z vaší objednávky ${order} stornovali: ${items}. Částka, kterou platíte přes Skip Pay, se snižuje o ${amount} na ${total}.`,
    cancelAll: `vaši objednávku ${order} jsme před odesláním zrušili.`,
    ret: (items) => `obdrželi jsme vrácené zboží z objednávky ${order}: ${items}.`,
    returnAll: `obdrželi jsme zpět veškeré zboží z objednávky ${order}.`,
    refund: (refund) => `k objednávce ${order} jsme vám vrátili ${refund}.`,
    dropsBy: (amount, total) => `Částka, kterou platíte přes Skip Pay, se snižuje o ${amount} na ${total}.`,
    stays: (total) => `Částka, kterou platíte přes Skip Pay, zůstává ${total}.`,
    sent: (tracking) => `vaše objednávka ${order} je na cestě${tracking}.`,
    delivered: `vaše objednávka ${order} byla doručena.`,
  }),
  en: (order) => ({
    greeting: "Hello,",
    closing: "Kind regards",
    owesNothing: `You owe Skip Pay nothing more for order ${order}.`,
    paidBack: "If you have already paid more, Skip Pay will return the difference to you.",
    payLater: "You pay the new amount to Skip Pay by the due date on your invoice.",
    payInThree: "Skip Pay adjusts the instalments you still have to pay to the new amount.",
    cancel: (items, amount, total) =>
      `before shipping we cancelled from your order ${order}: ${items}. The amount you pay through Skip Pay drops by ${amount} to ${total}.`,
    cancelAll: `we have cancelled your order ${order} before it was shipped.`,
    ret: (items) => `we have received the goods you returned from order ${order}: ${items}.`,
    returnAll: `we have received everything you returned from order ${order}.`,
    refund: (refund) => `we have refunded ${refund} on your order ${order}.`,
    dropsBy: (amount, total) => `The amount you pay through Skip Pay drops by ${amount} to ${total}.`,
    stays: (total) => `The amount you pay through Skip Pay stays at ${total}.`,
    sent: (tracking) => `your order ${order} is on its way${tracking}.`,
    delivered: `your order ${order} has been delivered.`,
  }),
};

/** Skip Pay's carrier codes as a customer knows the carrier; free-text carriers are shown as typed. */
const CARRIER_NAMES: Record<string, string> = {
  CZ_POST_HAND: "CZECH_POST",
  CZ_POST_OFFICE: "CZECH_POST",
  CZ_POST_OTHER: "CZECH_POST",
  PPL: "PPL",
  DPD: "DPD",
  GEIS: "Geis",
  IN_TIME: "In Time",
  TOP_TRANS: "Toptrans",
  GEBRUDER_WEISS: "Gebrüder Weiss",
  LOCAL_COURIER: "",
  TNT: "TNT",
  GLS: "GLS",
  HDS_COMFORT: "HDS",
  HDS_STANDARD: "HDS",
  MALL_DEPOSIT: "",
};

function itemList(changes: CustomerMessagePlan["changes"], locale: Locale): string {
  return changes.map((c) => `${formatQuantity(c.quantity, locale)}× ${c.name}`).join(", ");
}

/**
 * The message for the customer after `plan` was applied and Skip Pay answered with `after`. The new total is
 * Skip Pay's, not the plan's: the message says what is true now.
 */
export function customerMessage(
  locale: Locale,
  plan: CustomerMessagePlan,
  after: CustomerMessageApplication,
): string {
  const t = TEXT[locale](after.order.number);
  const money = (minor: number) => formatMoney(minor, locale);
  const total = after.order.totalPrice.amount;
  const nothingLeft = total === 0;
  // What happens with what is left to pay — the one sentence that depends on the financing type.
  const next = nothingLeft ? t.owesNothing : after.type === "PAY_IN_THREE" ? t.payInThree : t.payLater;
  const change = (amount: number) =>
    amount > 0 ? t.dropsBy(money(amount), money(total)) : t.stays(money(total));
  let sentences: string[];
  switch (plan.intent) {
    case "cancel":
    case "cancel-all":
    case "cancel-application":
      sentences = nothingLeft
        ? [t.cancelAll, t.owesNothing, t.paidBack]
        : [
            t.cancel(itemList(plan.changes, locale), money(plan.cancelledValue), money(total)),
            next,
            t.paidBack,
          ];
      break;
    case "return":
      sentences = [t.ret(itemList(plan.changes, locale)), change(plan.refund), next, t.paidBack];
      break;
    case "return-all":
      sentences = [t.returnAll, change(plan.refund), next, t.paidBack];
      break;
    case "refund":
      sentences = [t.refund(money(plan.refund)), change(plan.refund), next, t.paidBack];
      break;
    case "send": {
      const body = plan.body as { deliveryCarrier?: string; deliveryTrackingNumber?: string };
      const named = body.deliveryCarrier
        ? (CARRIER_NAMES[body.deliveryCarrier] ?? body.deliveryCarrier)
        : null;
      const carrier = named === "CZECH_POST" ? (locale === "cs" ? "Česká pošta" : "Czech Post") : named;
      const tracking = [carrier, body.deliveryTrackingNumber].filter(Boolean).join(" ");
      sentences = [t.sent(tracking ? ` (${tracking})` : "")];
      break;
    }
    case "deliver":
      sentences = [t.delivered];
      break;
  }
  return [t.greeting, "", sentences.join(" "), "", t.closing].join("\n");
}
