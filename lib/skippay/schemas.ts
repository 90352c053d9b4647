// Zod schemas for every Skip Pay request and response shape this app uses, written from the partner API's
// OpenAPI spec (shared/reference/skippay-openapi.yaml) and the newer product pages (seeds). Isomorphic: no
// secrets, so the sandbox, the client, the planner, tests and client components can all import them.
//
// Requests are strict (they are what we send, or what the sandbox accepts). Responses are parsed strictly where
// the app relies on a field (states, money, items) and leniently elsewhere, so an extra or informational field
// can never break an order page.
import { z } from "zod";
import {
  ADDRESS_TYPES,
  APPLICATION_STATES,
  CANCEL_REASONS,
  DELIVERY_TYPES,
  DOCUMENT_TYPES,
  FINANCING_TYPES,
  ITEM_TYPES,
  ORDER_STATES,
  STATE_REASONS,
} from "./enums";

export * from "./enums";

// ── Enums ────────────────────────────────────────────────────────────────────────────────────────────────────

export const applicationState = z.enum(APPLICATION_STATES);
export type ApplicationState = z.infer<typeof applicationState>;

export const stateReason = z.enum(STATE_REASONS);
export type StateReason = z.infer<typeof stateReason>;

export const orderState = z.enum(ORDER_STATES);
export type OrderState = z.infer<typeof orderState>;

export const itemType = z.enum(ITEM_TYPES);
export type ItemType = z.infer<typeof itemType>;

export const financingType = z.enum(FINANCING_TYPES);
export type FinancingType = z.infer<typeof financingType>;

export const deliveryType = z.enum(DELIVERY_TYPES);

/** A predefined carrier code, or free text (≤ 250 characters) for any other carrier. */
export const deliveryCarrier = z.string().min(1).max(250);

export const documentType = z.enum(DOCUMENT_TYPES);

export const addressType = z.enum(ADDRESS_TYPES);

export const cancelReason = z.enum(CANCEL_REASONS);
export type CancelReason = z.infer<typeof cancelReason>;

// ── Scalars ──────────────────────────────────────────────────────────────────────────────────────────────────

/** Amounts are integers of minor units: 12590 = 125,90 CZK. Never a float. */
export const minorUnits = z.number().int("must be a whole number of minor units (haléře)");

/** Spec: "positive float/decimal up to 3 decimal places", minimum 1. */
export const quantity = z
  .number()
  .min(1, "must be at least 1")
  .refine((q) => Math.abs(q * 1000 - Math.round(q * 1000)) < 1e-6, "must have at most 3 decimal places");

const isoDate = z.iso.date("must be a date in YYYY-MM-DD format");
/** Czech payment symbols: digits only, at most 10. */
const paymentSymbol = z.string().regex(/^\d{1,10}$/, "must be 1 to 10 digits");

// ── Shared objects ───────────────────────────────────────────────────────────────────────────────────────────

export const amount = z.object({ amount: minorUnits, currency: z.string().length(3) });
export type Amount = z.infer<typeof amount>;

/** `totalVat` entries: the VAT (tax) portion at a rate, not the gross amount. */
export const vatAmount = amount.extend({ vatRate: z.number().min(0) });
export type VatAmount = z.infer<typeof vatAmount>;

/** Amounts we send or accept: only CZK, per the spec. */
export const czkAmount = z.object({
  amount: minorUnits,
  currency: z.literal("CZK", "only CZK is supported"),
});
export const czkVatAmount = czkAmount.extend({ vatRate: z.number().min(0, "must not be negative") });

export const address = z.object({
  name: z.string().max(100).nullish(),
  country: z.string().length(2, "must be an ISO 3166 alpha-2 code"),
  city: z.string().min(1).max(100),
  streetAddress: z.string().min(1).max(100),
  streetNumber: z.string().max(100).nullish(),
  zip: z.string().min(1).max(30),
  addressType,
});
export type Address = z.infer<typeof address>;

export const documentRequest = z.object({
  type: documentType,
  /** A URL, or the base64-encoded file. */
  file: z.string().min(1),
  description: z.string().nullish(),
  extraData: z.object({ variableSymbol: paymentSymbol.nullish() }).nullish(),
});

// ── Requests ─────────────────────────────────────────────────────────────────────────────────────────────────

export const partnerLogin = z.object({ username: z.string(), password: z.string() });

/**
 * A reference to an order line (`ChangeOrderItemRequestSerializer`): every identifier given must match the line
 * exactly as it was created. No quantity = the whole (remaining) quantity of that line.
 */
export const itemReference = z.object({
  code: z.string().max(200).nullish(),
  ean: z.string().max(64).nullish(),
  name: z.string().max(255).nullish(),
  type: itemType.nullish(),
  quantity: quantity.nullish(),
});
export type ItemReference = z.infer<typeof itemReference>;

/** Body of order/cancel. `items` absent or empty = all items; `totalPrice`/`totalVat` are accepted but unused. */
export const orderItemsChangeRequest = z.object({
  items: z.array(itemReference).optional(),
  totalPrice: czkAmount.optional(),
  totalVat: z.array(czkVatAmount).optional(),
});
export type OrderItemsChangeRequest = z.infer<typeof orderItemsChangeRequest>;

/**
 * Body of order/return. Three shapes that must never be confused (seeds):
 * - `{"items": [...]}` (+ optional `totalPrice` override) — return these lines/quantities;
 * - `{"items": [], "totalPrice": …}` — amount-only refund, states unchanged;
 * - `{}` (no `items`) — full return of everything remaining; the order becomes RETURNED.
 */
export const orderItemsReturnRequest = orderItemsChangeRequest.extend({
  document: documentRequest.optional(),
  variableSymbol: paymentSymbol.optional(),
});
export type OrderItemsReturnRequest = z.infer<typeof orderItemsReturnRequest>;

export const orderItemsSendRequest = orderItemsChangeRequest.extend({
  document: documentRequest.optional(),
  variableSymbol: paymentSymbol.optional(),
  specificSymbol: paymentSymbol.optional(),
  sentDate: isoDate.optional(),
  deliveryCarrier: deliveryCarrier.optional(),
  deliveryTrackingNumber: z.string().min(1).max(64).optional(),
});
export type OrderItemsSendRequest = z.infer<typeof orderItemsSendRequest>;

export const orderItemsDeliverRequest = orderItemsSendRequest.extend({ deliveryDate: isoDate.optional() });
export type OrderItemsDeliverRequest = z.infer<typeof orderItemsDeliverRequest>;

export const applicationCancelRequest = z.object({
  reason: cancelReason.nullish(),
  customReason: z.string().max(1000).nullish(),
});
export type ApplicationCancelRequest = z.infer<typeof applicationCancelRequest>;

export const orderItemRequest = z.object({
  code: z.string().min(1).max(200),
  ean: z.string().max(64).nullish(),
  name: z.string().min(1).max(255),
  type: itemType.nullish(),
  variant: z.string().max(250).nullish(),
  description: z.string().nullish(),
  producer: z.string().max(250).nullish(),
  categories: z.array(z.string()).nullish(),
  totalPrice: czkAmount,
  totalVat: czkVatAmount,
  productUrl: z.string().max(200).nullish(),
  image: z.string().nullish(),
  unitPrice: czkAmount.nullish(),
  unitVat: czkVatAmount.nullish(),
  quantity: quantity.nullish(),
});
export type OrderItemRequest = z.infer<typeof orderItemRequest>;

export const applicationRequest = z.object({
  type: financingType,
  agreementTermsAndConditions: z.boolean().optional(),
  precheckIds: z.array(z.string()).optional(),
  isRecurring: z.boolean().optional(),
  merchantUrls: z.object({
    approvedRedirect: z.string().min(1).max(512),
    rejectedRedirect: z.string().min(1).max(512),
    notificationEndpoint: z.string().min(1).max(512),
    paymentsEndpoint: z.string().max(512).nullish(),
  }),
  customer: z
    .object({
      firstName: z.string().min(1).max(60).nullish(),
      lastName: z.string().min(1).max(60).nullish(),
      fullName: z.string().min(1).max(240).nullish(),
      titleBefore: z.string().max(60).nullish(),
      titleAfter: z.string().max(60).nullish(),
      email: z.string().max(254).pipe(z.email("must be an e-mail address")),
      phone: z
        .string()
        .regex(/^\+\d{6,12}$/, "must be a phone number with a leading + and country code (≤ 13)"),
      tin: z.string().max(20).nullish(),
      vatin: z.string().max(20).nullish(),
      addresses: z.array(address).nullish(),
    })
    .refine((c) => (c.firstName && c.lastName) || c.fullName, {
      message: "give firstName with lastName, or fullName",
      path: ["fullName"],
    })
    .refine((c) => !c.firstName === !c.lastName, {
      message: "firstName and lastName must come as a pair",
      path: ["lastName"],
    }),
  order: z.object({
    number: z.string().min(1).max(100),
    variableSymbols: z.array(paymentSymbol).nullish(),
    totalPrice: czkAmount,
    totalVat: z.array(czkVatAmount),
    addresses: z.array(address.extend({ addressType: z.enum(["BILLING", "DELIVERY"]) })).nullish(),
    deliveryType: deliveryType.nullish(),
    deliveryCarrier: deliveryCarrier.nullish(),
    reservationDate: z.iso.datetime({ offset: true }).nullish(),
    items: z.array(orderItemRequest).min(1, "at least one item is required"),
    merchantId: z.string().max(100).nullish(),
  }),
});
export type ApplicationRequest = z.infer<typeof applicationRequest>;

/**
 * Body of PUT …/order (`ApplicationOrderChangeRequest`): a partial PUT — only what changed. `items`, when given,
 * is the order's complete new list of lines, and then `totalPrice` and `totalVat` must come with it.
 */
export const orderChangeRequest = z
  .object({
    number: z.string().min(1).max(100).optional(),
    variableSymbols: z.array(paymentSymbol).nullish(),
    totalPrice: czkAmount.optional(),
    totalVat: z.array(czkVatAmount).optional(),
    addresses: z.array(address.extend({ addressType: z.enum(["BILLING", "DELIVERY"]) })).optional(),
    deliveryType: deliveryType.optional(),
    deliveryCarrier: deliveryCarrier.optional(),
    reservationDate: z.iso.datetime({ offset: true }).nullish(),
    items: z.array(orderItemRequest).min(1, "at least one item is required").optional(),
    documents: z.array(documentRequest).optional(),
  })
  .refine((o) => !o.items || (o.totalPrice && o.totalVat), {
    message: "changed items need the new totalPrice and totalVat too",
    path: ["totalPrice"],
  });
export type OrderChangeRequest = z.infer<typeof orderChangeRequest>;

export const applicationOrderChangeRequest = z.object({
  reason: z.string().max(1000).nullish(),
  order: orderChangeRequest,
});
export type ApplicationOrderChangeRequest = z.infer<typeof applicationOrderChangeRequest>;

// ── Responses ────────────────────────────────────────────────────────────────────────────────────────────────

export const applicationInfo = z.object({ id: z.string().min(1), state: applicationState, stateReason });
export type ApplicationInfo = z.infer<typeof applicationInfo>;

export const orderItemResponse = z.object({
  code: z.string(),
  ean: z.string().nullish(),
  name: z.string(),
  // Echoed back exactly as stored when the line is referenced later, so any string is kept.
  type: z.string().nullish(),
  variant: z.string().nullish(),
  description: z.string().nullish(),
  producer: z.string().nullish(),
  productUrl: z.string().nullish(),
  totalPrice: amount,
  totalVat: vatAmount,
  unitPrice: amount,
  unitVat: vatAmount,
  quantity: z.number().positive(),
  state: orderState,
  sentDate: z.string().nullish(),
  deliveryDate: z.string().nullish(),
  deliveryTrackingNumber: z.string().nullish(),
});
export type OrderItemResponse = z.infer<typeof orderItemResponse>;

export const orderResponse = z.object({
  number: z.string(),
  variableSymbols: z.array(z.string()).nullish(),
  totalPrice: amount,
  totalVat: z.array(vatAmount),
  addresses: z.array(address.partial()).nullish(),
  deliveryType: z.string().nullish(),
  deliveryCarrier: z.string().nullish(),
  reservationDate: z.string().nullish(),
  state: orderState,
  sentDate: z.string().nullish(),
  deliveryDate: z.string().nullish(),
  deliveryTrackingNumber: z.string().nullish(),
  items: z.array(orderItemResponse),
  merchantId: z.string().nullish(),
});
export type OrderResponse = z.infer<typeof orderResponse>;

/** What every order operation and the order lookup return: the order plus `applicationInfo`. */
export const orderExtendedResponse = orderResponse.extend({ applicationInfo });
export type OrderExtendedResponse = z.infer<typeof orderExtendedResponse>;

export const customerResponse = z.object({
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  fullName: z.string().nullish(),
  titleBefore: z.string().nullish(),
  titleAfter: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
});

export const applicationResponse = applicationInfo.extend({
  type: financingType,
  agreementTermsAndConditions: z.boolean().nullish(),
  gatewayRedirectUrl: z.string().nullish(),
  customer: customerResponse,
  order: orderResponse,
});
export type ApplicationResponse = z.infer<typeof applicationResponse>;

export const partnerLoginResult = z.object({
  accessToken: z.string().min(1),
  expiresIn: z.number().positive().optional(),
});

export const healthResponse = z.object({ projectVersion: z.string().nullable() });

export const errorItem = z.object({
  code: z.string(),
  message: z.string(),
  severity: z.string(),
  attribute: z.string().nullish(),
  ticketId: z.string().nullish(),
});
export type ApiError = z.infer<typeof errorItem>;
export const errorsResponse = z.object({ errors: z.array(errorItem) });

/** 401 bodies are OAuth-style, not the error envelope. */
export const oauthError = z.object({ error: z.string(), error_description: z.string().optional() });
