// What changes for the customer after an operation, as a message the agent can copy into an e-mail or chat — in
// Czech or English whatever the UI language, and right for the financing type: with "pay later"
// (DEFERRED_PAYMENT) the customer pays one amount by the invoice's due date; with "pay in three" (PAY_IN_THREE)
// Skip Pay spreads the new total over the instalments still to pay. Only what is certain is said: the items, the
// amounts, the new total, and that anything paid above the new total comes back.
import type { ApplicationResponse, FinancingType } from "@/lib/skippay/schemas";
import { formatMoney, type Locale } from "./money";
import type { IntentKind, Plan } from "./plan-types";
import { formatQuantity } from "./quantity";

/** What the message says, from an operation just confirmed (`factsOf`) or from its journal entry. */
export interface MessageFacts {
  intent: IntentKind;
  financingType: FinancingType;
  orderNumber: string;
  /** The financed total after the operation, as Skip Pay confirmed it. */
  totalAfter: number;
  refund: number;
  cancelledValue: number;
  items: { name: string; quantity: number }[];
  carrier: string | null;
  trackingNumber: string | null;
  /** The application was never approved (it only awaited the customer): nothing was ever due or paid. */
  neverApproved: boolean;
}

/** The facts of an operation Skip Pay just confirmed: the plan sent, and the application as it answered. */
export function factsOf(
  plan: Pick<Plan, "intent" | "refund" | "cancelledValue" | "changes" | "body">,
  after: Pick<ApplicationResponse, "type"> & { order: { number: string; totalPrice: { amount: number } } },
  stateBefore: ApplicationResponse["state"],
): MessageFacts {
  const body = plan.body as { deliveryCarrier?: string; deliveryTrackingNumber?: string };
  return {
    intent: plan.intent,
    financingType: after.type,
    orderNumber: after.order.number,
    totalAfter: after.order.totalPrice.amount,
    refund: plan.refund,
    cancelledValue: plan.cancelledValue,
    items: plan.changes.map((c) => ({ name: c.name, quantity: c.quantity })),
    carrier: body.deliveryCarrier ?? null,
    trackingNumber: body.deliveryTrackingNumber ?? null,
    neverApproved: stateBefore === "PROCESSING",
  };
}

/** The facts of an operation from the journal (a timeline entry), for whoever talks to the customer later. */
export function factsOfEntry(
  entry: Pick<MessageFacts, "intent" | "refund" | "cancelledValue" | "items"> & {
    body: unknown;
    stateBefore: ApplicationResponse["state"];
    totalAfter: number | null;
    response: { total: number } | null;
  },
  application: Pick<ApplicationResponse, "type"> & { order: { number: string } },
): MessageFacts | null {
  const totalAfter = entry.response?.total ?? entry.totalAfter;
  if (totalAfter == null) return null;
  const body = (entry.body ?? {}) as { deliveryCarrier?: string; deliveryTrackingNumber?: string };
  return {
    intent: entry.intent,
    financingType: application.type,
    orderNumber: application.order.number,
    totalAfter,
    refund: entry.refund,
    cancelledValue: entry.cancelledValue,
    items: entry.items,
    carrier: body.deliveryCarrier ?? null,
    trackingNumber: body.deliveryTrackingNumber ?? null,
    neverApproved: entry.stateBefore === "PROCESSING",
  };
}

interface Texts {
  greeting: string;
  closing: string;
  owesNothing: string;
  paidBack: string;
  paidBackAll: string;
  payLater: string;
  payInThree: string;
  cancel: (items: string, amount: string, total: string) => string;
  cancelAll: string;
  ret: (items: string) => string;
  returnAll: string;
  refund: (refund: string) => string;
  cancelRequest: string;
  dropsBy: (amount: string, total: string) => string;
  stays: (total: string) => string;
  sent: (tracking: string) => string;
  sentItems: (items: string, tracking: string) => string;
  delivered: string;
  deliveredItems: (items: string) => string;
  changed: (total: string) => string;
}

const TEXT: Record<Locale, (order: string) => Texts> = {
  cs: (order) => ({
    greeting: "Dobrý den,",
    closing: "S pozdravem",
    owesNothing: `Za objednávku ${order} už společnosti Skip Pay nic nedlužíte.`,
    paidBack: "Pokud jste už zaplatili víc, než je nová částka, Skip Pay vám rozdíl vrátí.",
    paidBackAll: "Pokud jste společnosti Skip Pay už něco zaplatili, vrátí vám to.",
    payLater: "Novou částku zaplatíte společnosti Skip Pay do data splatnosti uvedeného na vaší faktuře.",
    payInThree: "Skip Pay podle nové částky upraví splátky, které ještě zbývá zaplatit.",
    cancel: (items, amount, total) =>
      `před odesláním jsme z vaší objednávky ${order} stornovali: ${items}. Částka, kterou platíte přes Skip Pay, se snižuje o ${amount} na ${total}.`,
    cancelAll: `vaši objednávku ${order} jsme před odesláním zrušili.`,
    ret: (items) => `obdrželi jsme vrácené zboží z objednávky ${order}: ${items}.`,
    returnAll: `obdrželi jsme zpět veškeré zboží z objednávky ${order}.`,
    refund: (refund) => `částku za objednávku ${order} jsme vám snížili o ${refund}.`,
    cancelRequest: `vaši žádost o financování objednávky ${order} přes Skip Pay jsme zrušili. Společnosti Skip Pay nic nedlužíte.`,
    dropsBy: (amount, total) => `Částka, kterou platíte přes Skip Pay, se snižuje o ${amount} na ${total}.`,
    stays: (total) => `Částka, kterou platíte přes Skip Pay, zůstává ${total}.`,
    sent: (tracking) => `vaše objednávka ${order} je na cestě${tracking}.`,
    sentItems: (items, tracking) => `z vaší objednávky ${order} jsme odeslali${tracking}: ${items}.`,
    delivered: `vaše objednávka ${order} byla doručena.`,
    deliveredItems: (items) => `z vaší objednávky ${order} bylo doručeno: ${items}.`,
    changed: (total) =>
      `vaši objednávku ${order} jsme před odesláním upravili. Částka, kterou platíte přes Skip Pay, je nyní ${total}.`,
  }),
  en: (order) => ({
    greeting: "Hello,",
    closing: "Kind regards",
    owesNothing: `You owe Skip Pay nothing more for order ${order}.`,
    paidBack:
      "If you have already paid more than the new amount, Skip Pay will return the difference to you.",
    paidBackAll: "If you have already paid Skip Pay anything for it, Skip Pay will return it to you.",
    payLater: "You pay the new amount to Skip Pay by the due date on your invoice.",
    payInThree: "Skip Pay adjusts the instalments you still have to pay to the new amount.",
    cancel: (items, amount, total) =>
      `before shipping we cancelled from your order ${order}: ${items}. The amount you pay through Skip Pay drops by ${amount} to ${total}.`,
    cancelAll: `we have cancelled your order ${order} before it was shipped.`,
    ret: (items) => `we have received the goods you returned from order ${order}: ${items}.`,
    returnAll: `we have received everything you returned from order ${order}.`,
    refund: (refund) => `we have lowered the amount for your order ${order} by ${refund}.`,
    cancelRequest: `we have cancelled the Skip Pay financing request for your order ${order}. You owe Skip Pay nothing.`,
    dropsBy: (amount, total) => `The amount you pay through Skip Pay drops by ${amount} to ${total}.`,
    stays: (total) => `The amount you pay through Skip Pay stays at ${total}.`,
    sent: (tracking) => `your order ${order} is on its way${tracking}.`,
    sentItems: (items, tracking) => `we have sent from your order ${order}${tracking}: ${items}.`,
    delivered: `your order ${order} has been delivered.`,
    deliveredItems: (items) => `from your order ${order} we have delivered: ${items}.`,
    changed: (total) =>
      `we have changed your order ${order} before shipping. The amount you pay through Skip Pay is now ${total}.`,
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

function itemList(items: MessageFacts["items"], locale: Locale): string {
  return items.map((c) => `${formatQuantity(c.quantity, locale)}× ${c.name}`).join(", ");
}

/**
 * The message for the customer, in `locale`. The new total is Skip Pay's: the message says what is true now.
 * `shopName` (the e-mail's, from SHOP_NAME) signs it off under the closing; without it the agent signs it.
 */
export function customerMessage(locale: Locale, f: MessageFacts, shopName?: string): string {
  const t = TEXT[locale](f.orderNumber);
  const money = (minor: number) => formatMoney(minor, locale);
  const total = f.totalAfter;
  const nothingLeft = total === 0;
  // What happens with what is left to pay — the one sentence that depends on the financing type.
  const next = nothingLeft ? t.owesNothing : f.financingType === "PAY_IN_THREE" ? t.payInThree : t.payLater;
  // With nothing left to pay there is no "new amount" to have paid more than: all of it comes back.
  const paidBack = nothingLeft ? t.paidBackAll : t.paidBack;
  const change = (amount: number) =>
    amount > 0 ? t.dropsBy(money(amount), money(total)) : t.stays(money(total));
  let sentences: string[];
  switch (f.intent) {
    case "cancel-application":
      // Never approved: the customer never owed or paid anything, so there is nothing to pay back either.
      sentences = f.neverApproved ? [t.cancelRequest] : [t.cancelAll, t.owesNothing, t.paidBackAll];
      break;
    case "cancel":
    case "cancel-all":
      sentences = nothingLeft
        ? [t.cancelAll, t.owesNothing, t.paidBackAll]
        : [t.cancel(itemList(f.items, locale), money(f.cancelledValue), money(total)), next, paidBack];
      break;
    case "return":
      sentences = [t.ret(itemList(f.items, locale)), change(f.refund), next, paidBack];
      break;
    case "return-all":
      sentences = [t.returnAll, change(f.refund), next, paidBack];
      break;
    case "refund":
      sentences = [t.refund(money(f.refund)), change(f.refund), next, paidBack];
      break;
    case "send": {
      const named = f.carrier ? (CARRIER_NAMES[f.carrier] ?? f.carrier) : null;
      const carrier = named === "CZECH_POST" ? (locale === "cs" ? "Česká pošta" : "Czech Post") : named;
      const tracking = [carrier, f.trackingNumber].filter(Boolean).join(" ");
      // Which items went: a shipment may be a part of the order.
      const via = tracking ? ` (${tracking})` : "";
      sentences = [f.items.length > 0 ? t.sentItems(itemList(f.items, locale), via) : t.sent(via)];
      break;
    }
    case "deliver":
      sentences = [f.items.length > 0 ? t.deliveredItems(itemList(f.items, locale)) : t.delivered];
      break;
    case "change-order":
      // Never approved yet: nothing is due, so only the new amount is said.
      sentences = f.neverApproved ? [t.changed(money(total))] : [t.changed(money(total)), next, paidBack];
      break;
  }
  const signOff = shopName?.trim() ? [t.closing, shopName.trim()] : [t.closing];
  return [t.greeting, "", sentences.join(" "), "", ...signOff].join("\n");
}
