// The sandbox model rendered as the API's response bodies (ApplicationResponse, OrderExtendedResponse).
import type { ApplicationResponse, OrderExtendedResponse, OrderResponse } from "@/lib/skippay/schemas";
import { fromMilli } from "./arithmetic";
import { renderDocuments } from "./documents";
import { listedParts } from "./listing";
import type { SandboxApplication, SandboxOrder } from "./model";
import { orderStateOf } from "./rules";

const CZK = "CZK";
const money = (amount: number) => ({ amount, currency: CZK });

export function renderOrder(order: SandboxOrder): OrderResponse {
  return {
    number: order.number,
    variableSymbols: order.variableSymbols,
    totalPrice: money(order.total),
    totalVat: order.vat.map((v) => ({ amount: v.amount, currency: CZK, vatRate: v.rate })),
    addresses: order.addresses,
    // Not nullable in the spec: omitted when unknown.
    ...(order.deliveryType ? { deliveryType: order.deliveryType } : {}),
    ...(order.deliveryCarrier ? { deliveryCarrier: order.deliveryCarrier } : {}),
    reservationDate: order.reservationDate,
    state: orderStateOf(order),
    sentDate: order.sentDate,
    deliveryDate: order.deliveryDate,
    deliveryTrackingNumber: order.trackingNumber,
    documents: renderDocuments({ order }),
    merchantId: order.merchantId,
    // One item per part: a line with 2 delivered and 1 returned pieces is listed twice, with its identifiers.
    items: order.lines.flatMap((line) =>
      listedParts(line, order).map((part) => ({
        code: line.code,
        ean: line.ean,
        name: line.name,
        type: line.type,
        variant: line.variant,
        description: line.description,
        producer: line.producer,
        categories: line.categories,
        productUrl: line.productUrl,
        ...(line.imageUrl
          ? { image: { filename: line.imageUrl.split("/").pop() || "image", url: line.imageUrl } }
          : {}),
        quantity: fromMilli(part.qty),
        unitPrice: money(line.unitPrice),
        unitVat: { amount: line.unitVat, currency: CZK, vatRate: line.vatRate },
        totalPrice: money(part.price),
        totalVat: { amount: part.vat, currency: CZK, vatRate: line.vatRate },
        state: part.state,
        sentDate: part.sentDate,
        deliveryDate: part.deliveryDate,
        deliveryTrackingNumber: part.trackingNumber,
      })),
    ),
  };
}

export function renderOrderExtended(app: SandboxApplication): OrderExtendedResponse {
  return {
    ...renderOrder(app.order),
    applicationInfo: { id: app.id, state: app.state, stateReason: app.stateReason },
  };
}

export function renderApplication(app: SandboxApplication): ApplicationResponse {
  const c = app.customer;
  const fullName = c.fullName ?? [c.titleBefore, c.firstName, c.lastName].filter(Boolean).join(" ");
  const [first, ...rest] = (c.fullName ?? "").split(" ");
  return {
    id: app.id,
    state: app.state,
    stateReason: app.stateReason,
    type: app.type,
    agreementTermsAndConditions: app.agreementTermsAndConditions,
    gatewayRedirectUrl: app.gatewayRedirectUrl,
    customer: {
      firstName: c.firstName ?? first ?? "",
      lastName: c.lastName ?? rest.join(" "),
      fullName,
      titleBefore: c.titleBefore ?? null,
      titleAfter: c.titleAfter ?? null,
      email: c.email,
      phone: c.phone,
      // The spec requires customer.type and defines only one customer type, the precheck's: the sandbox knows
      // nothing of the customer's history with Skip Pay, so UNKNOWN (docs/sandbox.md).
      type: "UNKNOWN",
    },
    order: renderOrder(app.order),
  };
}
