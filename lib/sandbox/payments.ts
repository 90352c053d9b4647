// Payouts from Skip Pay to the shop: how the sandbox writes one down (the spec's `Payment` with `InvoiceInfo`) and
// how `GET …/payments` pages them (by `paymentId`, with `before`/`after`). Pure: no I/O, no clock.
import { z } from "zod";
import type { SandboxApplication, SandboxPayment } from "./model";

/** Body of the sandbox-only `POST /control/applications/{id}/payout`: all optional. */
export const payoutRequest = z.strictObject({
  /** Pay only part of what is due (minor units); default: everything due. */
  amount: z.number().int("must be a whole number of minor units").positive("must be positive").optional(),
  /** The payment date; default: today in Prague. */
  date: z.iso.date("must be a date in YYYY-MM-DD format").optional(),
});
export type PayoutRequest = z.infer<typeof payoutRequest>;

/**
 * The account the sandbox pretends to pay to. Fictional on purpose: bank code 0000 belongs to no Czech bank, so a
 * sandbox payout can never be mistaken for a real transfer.
 */
export const SANDBOX_ACCOUNT = { accountNumber: "1234567890", bankCode: "0000" } as const;

/** Days the customer has to pay Skip Pay for a deferred payment (product pages: "within 30 days"). */
const DUE_DAYS = 30;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A new payment id: the application's id and a 4-digit hex sequence. Unique across applications (ids are) and,
 * within one application, sorted as the payouts were made — the spec sorts the collection by `paymentId`.
 */
export function nextPaymentId(app: SandboxApplication): string {
  const seq = (app.payments?.length ?? 0) + 1;
  return `${app.id}${seq.toString(16).padStart(4, "0")}`;
}

/** The payment a payout records, with the billing information the spec's `InvoiceInfo` holds. */
export function buildPayment(app: SandboxApplication, amount: number, date: string): SandboxPayment {
  const c = app.customer;
  const fullName = c.fullName ?? ([c.titleBefore, c.firstName, c.lastName].filter(Boolean).join(" ") || null);
  const address = app.order.addresses.find((a) => a.addressType === "BILLING") ?? c.addresses?.[0] ?? null;
  return {
    paymentId: nextPaymentId(app),
    date,
    amount,
    invoice: { fullName, address, dueDate: addDays(date, DUE_DAYS), accountNumber: { ...SANDBOX_ACCOUNT } },
  };
}

/** A stored payment as the spec's `Payment`. */
export function renderPayment(applicationId: string, p: SandboxPayment) {
  return {
    paymentId: p.paymentId,
    date: p.date,
    applicationId,
    value: { amount: p.amount, currency: "CZK" },
    invoice: {
      fullName: p.invoice.fullName,
      ...(p.invoice.address ? { address: p.invoice.address } : {}),
      dueDate: p.invoice.dueDate,
      accountNumber: p.invoice.accountNumber,
    },
  };
}

export interface PageQuery {
  before?: string;
  after?: string;
  limit: number;
}

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;

/**
 * One page of an application's payments, sorted by `paymentId`: `after` takes those above the cursor (the first
 * `limit`), `before` those below it (the last `limit`, nearest the cursor), both a window between them. `nextPage`
 * and `prevPage` are the requests for the neighbouring pages, relative to the collection, present only when such a
 * page has payments.
 */
export function pagePayments(app: SandboxApplication, query: PageQuery) {
  const all = [...(app.payments ?? [])].sort((a, b) => compare(a.paymentId, b.paymentId));
  const inWindow = all.filter(
    (p) =>
      (query.after === undefined || compare(p.paymentId, query.after) > 0) &&
      (query.before === undefined || compare(p.paymentId, query.before) < 0),
  );
  const page =
    query.before !== undefined && query.after === undefined
      ? inWindow.slice(Math.max(0, inWindow.length - query.limit))
      : inWindow.slice(0, query.limit);
  const first = page[0];
  const last = page[page.length - 1];
  const link = (cursor: "before" | "after", id: string) =>
    `payments?${new URLSearchParams({ limit: String(query.limit), [cursor]: id })}`;
  return {
    data: page.map((p) => renderPayment(app.id, p)),
    pagingInfo: {
      itemsPerPage: query.limit,
      ...(last && all.some((p) => compare(p.paymentId, last.paymentId) > 0)
        ? { nextPage: link("after", last.paymentId) }
        : {}),
      ...(first && all.some((p) => compare(p.paymentId, first.paymentId) < 0)
        ? { prevPage: link("before", first.paymentId) }
        : {}),
    },
  };
}

/** Code-unit order, the same on every machine (localeCompare is not). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
