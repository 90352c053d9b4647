// The sandbox's internal model of an application. Each order line keeps the quantity it was created with,
// partitioned into *parts* by state (e.g. 2 delivered + 1 returned). The API response lists one item per part,
// so partial quantities are visible with nothing but the fields of the official spec.
import type {
  Address,
  ApplicationRequest,
  ApplicationState,
  CancelReason,
  FinancingType,
  ItemType,
  OrderState,
  StateReason,
} from "@/lib/skippay/schemas";

export interface SandboxPart {
  state: OrderState;
  /** Quantity in thousandths (2.5 pieces → 2500). */
  qty: number;
  /** This part's share of the line's total price, VAT included, in minor units. */
  price: number;
  /** The VAT contained in `price`, in minor units. */
  vat: number;
  sentDate: string | null;
  deliveryDate: string | null;
  trackingNumber: string | null;
}

export interface SandboxLine {
  code: string;
  ean: string | null;
  name: string;
  type: ItemType | null;
  variant: string | null;
  description: string | null;
  producer: string | null;
  categories: string[] | null;
  productUrl: string | null;
  imageUrl: string | null;
  vatRate: number;
  unitPrice: number;
  unitVat: number;
  parts: SandboxPart[];
}

/** A document attached by order/send, order/deliver or order/return (the spec's DocumentRequest). */
export interface SandboxDocument {
  type: "INVOICE" | "PROFORMA_INVOICE" | "CREDIT_NOTE" | "OTHER";
  /** The file's http(s) URL, or its base64 content. */
  file: string;
  description: string | null;
  variableSymbol: string | null;
  /** The request that attached it, e.g. "order/return". */
  operation: string;
}

export interface SandboxOrder {
  number: string;
  variableSymbols: string[];
  merchantId: string | null;
  addresses: Address[];
  deliveryType: string | null;
  deliveryCarrier: string | null;
  reservationDate: string | null;
  originalTotal: number;
  /** What is financed now: the original total minus cancellations and refunds. */
  total: number;
  /** VAT contained in `total`, per rate. */
  vat: { rate: number; amount: number }[];
  sentDate: string | null;
  deliveryDate: string | null;
  trackingNumber: string | null;
  /**
   * The first shipment (order/send, or order/deliver of unsent items) took everything then unsent: items carry no
   * dates of their own. Unset until something is sent (and in applications stored before it existed).
   */
  sentAtOnce?: boolean;
  lines: SandboxLine[];
  /** Absent on orders stored before documents were kept. */
  documents?: SandboxDocument[];
}

/**
 * A payout from Skip Pay to the shop (the spec's `Payment`), kept on its application. `invoice` is the billing
 * information of the spec's `InvoiceInfo` (see docs/sandbox.md for what the sandbox puts there).
 */
export interface SandboxPayment {
  paymentId: string;
  /** YYYY-MM-DD. */
  date: string;
  /** Minor units, always positive: a claim back from the shop is not a payment. */
  amount: number;
  invoice: {
    fullName: string | null;
    address: Address | null;
    dueDate: string;
    accountNumber: { accountNumber: string; bankCode: string };
  };
}

export interface SandboxApplication {
  id: string;
  type: FinancingType;
  state: ApplicationState;
  stateReason: StateReason;
  agreementTermsAndConditions: boolean;
  customer: ApplicationRequest["customer"];
  merchantUrls: ApplicationRequest["merchantUrls"];
  gatewayRedirectUrl: string;
  /** Set once Skip Pay paid (part of) the price out to the shop: substate READY_PAID. */
  paid: boolean;
  /** Payouts in paymentId order; absent on applications stored before payouts were recorded. */
  payments?: SandboxPayment[];
  cancelReason: CancelReason | null;
  order: SandboxOrder;
}

/** The order in which parts are listed (and stored). */
export const PART_ORDER: readonly OrderState[] = ["PROCESSING", "SENT", "DELIVERED", "RETURNED", "CANCELLED"];
