// What staff want to do (an Intent) and what the planner answers (a Plan, or issues): unions keyed by the
// operation, so each plan carries exactly the request its Skip Pay endpoint takes. Issues and notes are codes with
// locale-neutral parameters (money in minor units as `…Minor`, quantities in thousandths as `…Milli`); the UI
// words them. Types only, and the two constructors every operation uses.
import type {
  ApplicationCancelRequest,
  ApplicationInfo,
  ApplicationOrderChangeRequest,
  ApplicationState,
  CancelReason,
  ItemType,
  OrderItemsChangeRequest,
  OrderItemsDeliverRequest,
  OrderItemsReturnRequest,
  OrderItemsSendRequest,
  OrderResponse,
  OrderState,
  StateReason,
} from "@/lib/skippay/schemas";
import type { DocumentIntent } from "./documents";

// ── Intents ──────────────────────────────────────────────────────────────────────────────────────────────────

export interface LineSelection {
  key: string;
  /** Thousandths; 0 = not selected. */
  quantity: number;
}

export type CancelIntent = { kind: "cancel"; lines: LineSelection[] } | { kind: "cancel-all" };
export type ReturnIntent =
  | {
      kind: "return";
      lines: LineSelection[];
      refundOverride: number | null;
      /** Refund the items' full price, without their share of the order discount (default: with it). */
      fullPrice?: boolean;
      /** The credit note, when staff attach one. */
      document?: DocumentIntent | null;
    }
  | { kind: "return-all"; refundOverride: number | null; document?: DocumentIntent | null };
export type RefundIntent = { kind: "refund"; amount: number; document?: DocumentIntent | null };
export interface SendIntent {
  kind: "send";
  /** null = everything not sent yet. */
  lines: LineSelection[] | null;
  sentDate: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  /** For the payout to the shop: needed when the order has none yet (up to 10 digits). */
  variableSymbol: string | null;
  /** The invoice, when staff attach one. */
  document?: DocumentIntent | null;
}
export interface DeliverIntent {
  kind: "deliver";
  lines: LineSelection[] | null;
  deliveryDate: string | null;
}
export interface CancelApplicationIntent {
  kind: "cancel-application";
  reason: CancelReason;
  customReason: string | null;
}

/** An existing line as staff edit it: a new quantity or unit price (null = as it is), or removed. */
export interface LineEdit {
  key: string;
  /** Thousandths; null = unchanged. */
  quantity: number | null;
  /** Minor units, VAT included: the price's size (a DISCOUNT line's is taken off); null = unchanged. */
  unitPrice: number | null;
  remove: boolean;
}

/** A line staff add to the order. */
export interface NewLine {
  name: string;
  code: string;
  type: ItemType;
  /** Thousandths. */
  quantity: number;
  /** Minor units, VAT included: the price's size (a DISCOUNT line's is taken off). */
  unitPrice: number;
  vatRate: number;
}

/** Where the goods go: the delivery address replaces the order's (Skip Pay keeps the billing one). */
export interface DeliveryAddress {
  name: string | null;
  streetAddress: string;
  streetNumber: string | null;
  city: string;
  zip: string;
  /** ISO 3166 alpha-2. */
  country: string;
}

/** A fix of the delivery: a new address and/or carrier (null = as it is). */
export interface DeliveryFix {
  address: DeliveryAddress | null;
  carrier: string | null;
}

/** Change the order before anything is sent (`PUT …/order`): its lines, and/or its delivery address or carrier. */
export interface ChangeOrderIntent {
  kind: "change-order";
  lines: LineEdit[];
  added: NewLine[];
  delivery?: DeliveryFix | null;
  /** Skip Pay's `reason` (free text; the admin always sends one). */
  reason: string;
}

export type Intent =
  | ChangeOrderIntent
  | CancelIntent
  | ReturnIntent
  | RefundIntent
  | SendIntent
  | DeliverIntent
  | CancelApplicationIntent;
export type IntentKind = Intent["kind"];

// ── Plans ────────────────────────────────────────────────────────────────────────────────────────────────────

export interface PlanContext {
  order: Pick<
    OrderResponse,
    "items" | "totalPrice" | "totalVat" | "state" | "variableSymbols" | "addresses" | "deliveryCarrier"
  >;
  application: Pick<ApplicationInfo, "state" | "stateReason">;
}

export interface LineChange {
  key: string;
  name: string;
  code: string;
  /** Goods, or a shipping fee, a discount, … (staff count items without those). */
  type: string | null;
  quantity: number;
  from: OrderState[];
  to: OrderState;
  /** Value of the moved quantity, VAT included. */
  value: number;
}

export interface VatShare {
  rate: number;
  /** The refund's share at this rate, VAT included. */
  gross: number;
  /** The VAT contained in that share (what `totalVat` carries). */
  vat: number;
}

export type PlanNoteCode =
  | "empty_body"
  | "no_items"
  | "capped_by_earlier_refunds"
  | "override_above_items_value"
  | "override_below_items_value"
  | "kept_back_stays"
  | "vat_rounding"
  | "discount_stays_whole";

export type Params = Record<string, string | number>;

export interface PlanNote {
  code: PlanNoteCode;
  params?: Params;
}

export interface ExpectedStates {
  orderState: OrderState;
  applicationState: ApplicationState;
  stateReason: StateReason;
}

/** A line before and after an order change (null: it is not on the order before / after). */
export interface LineDiff {
  key: string;
  name: string;
  code: string;
  type: string | null;
  vatRate: number;
  before: { quantity: number; unitPrice: number; total: number } | null;
  after: { quantity: number; unitPrice: number; total: number } | null;
}

/** What an order change does to the lines and the VAT per rate (gross and VAT at each rate, before → after). */
export interface OrderChangePreview {
  lines: LineDiff[];
  /** The delivery fixed: address and carrier before → after (only what changes). */
  delivery?: {
    address?: { before: DeliveryAddress | null; after: DeliveryAddress };
    carrier?: { before: string | null; after: string };
  };
  vatBefore: VatShare[];
  vatAfter: VatShare[];
}

interface PlanOf<O extends string, B> {
  intent: IntentKind;
  operation: O;
  /** Exactly what is sent. */
  body: B;
  /** `all-remaining` = the empty body `{}` (+ non-item fields): "all remaining items", as the seeds advise. */
  shape: "all-remaining" | "items" | "amount-only" | "application" | "order-change";
  changes: LineChange[];
  /** Money back to the customer, or off what they still owe (minor units). */
  refund: number;
  /** Value of cancelled goods (minor units). */
  cancelledValue: number;
  /** A return: the order discount's share of the returned goods, taken off their value (minor units, ≥ 0). */
  discountShare?: number;
  /** How the refund splits across VAT rates (empty when nothing is refunded). */
  vat: VatShare[];
  /** A cancel: how the cancelled value splits across VAT rates (what leaves the order's `totalVat`). */
  cancelledVat?: VatShare[];
  totalBefore: number;
  totalAfter: number;
  expected: ExpectedStates;
  /** Every line's quantity per state once Skip Pay has applied the plan (thousandths), by line key. */
  expectedLines: Record<string, Partial<Record<OrderState, number>>>;
  notes: PlanNote[];
  /** An order change: the lines and VAT per rate, old → new. */
  orderChange?: OrderChangePreview;
}

export type Plan =
  | PlanOf<"order/cancel", OrderItemsChangeRequest>
  | PlanOf<"order/send", OrderItemsSendRequest>
  | PlanOf<"order/deliver", OrderItemsDeliverRequest>
  | PlanOf<"order/return", OrderItemsReturnRequest>
  | PlanOf<"cancel", ApplicationCancelRequest>
  | PlanOf<"order", ApplicationOrderChangeRequest>;

/** The Skip Pay endpoint a plan goes to (`order/…` under the application, or `cancel` of the application). */
export type Operation = Plan["operation"];

export type PlanIssueCode =
  | "application_not_ready"
  | "application_not_cancellable"
  | "nothing_selected"
  | "nothing_left"
  | "line_unknown"
  | "line_twice"
  | "line_ambiguous"
  | "line_not_eligible"
  | "quantity_invalid"
  | "quantity_above_remaining"
  | "quantity_below_one"
  | "quantity_whole"
  | "quantity_leaves_part"
  | "negative_value"
  | "negative_total"
  | "amount_invalid"
  | "price_too_large"
  | "refund_above_refundable"
  | "nothing_refundable"
  | "full_return_needs_all_sent"
  | "tracking_too_long"
  | "variable_symbol_required"
  | "variable_symbol_invalid"
  | "order_not_changeable"
  | "nothing_changed"
  | "no_lines_left"
  | "price_invalid"
  | "discount_above_items"
  | "code_taken"
  | "quantity_min_one"
  | "vat_rate_invalid"
  | "address_incomplete";

export interface PlanIssue {
  /** The form field it belongs to (react-hook-form path, e.g. "lines.3.quantity"), or null for the whole form. */
  field: string | null;
  code: PlanIssueCode;
  params?: Params;
}

export type PlanResult = { ok: true; plan: Plan } | { ok: false; issues: PlanIssue[] };

export const refused = (...issues: PlanIssue[]): PlanResult => ({ ok: false, issues });

export function issue(field: string | null, code: PlanIssueCode, params?: Params): PlanIssue {
  return { field, code, ...(params ? { params } : {}) };
}
