// The enumerations of the Skip Pay partner API, as plain constants: no zod here, so browser code (forms, badges)
// can use them without shipping the wire schemas (lib/skippay/schemas.ts builds its zod enums from these).

export const APPLICATION_STATES = ["PROCESSING", "READY", "REJECTED", "CANCELLED"] as const;

/** The API calls it `stateReason`; the docs and this app call it the *substate*. */
export const STATE_REASONS = [
  "PROCESSING_REDIRECT_NEEDED",
  "PROCESSING_PREAPPROVED",
  "PROCESSING_VALIDATION_IN_PROGRESS",
  "REJECTED",
  "CANCELLED_NOT_PAID",
  "CANCELLED_RETURNED",
  "READY_TO_SHIP",
  "READY_SHIPPED",
  "READY_DELIVERED",
  "READY_PAID",
] as const;

/** `OrderDeliveryState`: the state of the order and of each order item. */
export const ORDER_STATES = ["PROCESSING", "SENT", "DELIVERED", "RETURNED", "CANCELLED"] as const;

export const ITEM_TYPES = [
  "PHYSICAL",
  "DISCOUNT",
  "SHIPPING_FEE",
  "SALES_TAX",
  "DIGITAL",
  "GIFT_CARD",
  "STORE_CREDIT",
  "FEE",
  "INSURANCE",
] as const;

export const FINANCING_TYPES = ["DEFERRED_PAYMENT", "PAY_IN_THREE"] as const;

export const DELIVERY_TYPES = ["DELIVERY_CARRIER", "PERSONAL_BRANCH", "PERSONAL_PARTNER", "ONLINE"] as const;

export const DELIVERY_CARRIERS = [
  "CZ_POST_HAND",
  "CZ_POST_OFFICE",
  "CZ_POST_OTHER",
  "PPL",
  "DPD",
  "GEIS",
  "IN_TIME",
  "TOP_TRANS",
  "GEBRUDER_WEISS",
  "LOCAL_COURIER",
  "TNT",
  "GLS",
  "HDS_COMFORT",
  "HDS_STANDARD",
  "MALL_DEPOSIT",
] as const;

export const DOCUMENT_TYPES = ["INVOICE", "PROFORMA_INVOICE", "CREDIT_NOTE", "OTHER"] as const;

export const ADDRESS_TYPES = ["PERMANENT", "CONTACT", "DELIVERY", "BILLING"] as const;

export const CANCEL_REASONS = [
  "APPLICATION_CANCELLED_CARRIER_CHANGED",
  "APPLICATION_CANCELLED_CART_CONTENT_CHANGED",
  "APPLICATION_CANCELLED_BY_CUSTOMER",
  "APPLICATION_CANCELLED_BY_ERP",
  "APPLICATION_CANCELLED_EXPIRED",
  "APPLICATION_CANCELLED_UNFINISHED",
  "APPLICATION_CANCELLED_BY_ESHOP_RULES",
  "APPLICATION_CANCELLED_OTHER",
] as const;
