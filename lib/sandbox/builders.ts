// Builds consistent create-application requests from a short description of the lines (prices VAT-inclusive,
// VAT per rate computed the way a Czech shop would). Used by the demo seed, the tests and the e2e fixtures.
import type { ApplicationRequest, FinancingType, ItemType } from "@/lib/skippay/schemas";
import { share, toMilli, total, vatIn } from "./arithmetic";

export interface LineSpec {
  code: string;
  name: string;
  /** Price of one piece, VAT included, in minor units (negative for a DISCOUNT). */
  unitPrice: number;
  quantity?: number;
  vatRate?: number;
  type?: ItemType;
  ean?: string;
}

export interface ApplicationSpec {
  orderNumber: string;
  type?: FinancingType;
  /** null = none (the shop gives one when it marks the order sent). */
  variableSymbol?: string | null;
  customer?: { firstName: string; lastName: string; email: string; phone: string };
  lines: LineSpec[];
  notificationEndpoint?: string;
  agreementTermsAndConditions?: boolean;
}

const DEFAULT_CUSTOMER = {
  firstName: "Jana",
  lastName: "Nováková",
  email: "jana.novakova@example.cz",
  phone: "+420601234567",
};

export function buildApplicationRequest(spec: ApplicationSpec): ApplicationRequest {
  const items = spec.lines.map((line) => {
    const rate = line.vatRate ?? 21;
    const qty = line.quantity ?? 1;
    const total = share(line.unitPrice, toMilli(qty), 1000);
    return {
      code: line.code,
      name: line.name,
      ...(line.ean ? { ean: line.ean } : {}),
      type: line.type ?? "PHYSICAL",
      quantity: qty,
      unitPrice: { amount: line.unitPrice, currency: "CZK" as const },
      unitVat: { amount: vatIn(line.unitPrice, rate), currency: "CZK" as const, vatRate: rate },
      totalPrice: { amount: total, currency: "CZK" as const },
      totalVat: { amount: vatIn(total, rate), currency: "CZK" as const, vatRate: rate },
    };
  });
  const rates = [...new Set(items.map((i) => i.totalVat.vatRate))].sort((a, b) => b - a);
  return {
    type: spec.type ?? "DEFERRED_PAYMENT",
    agreementTermsAndConditions: spec.agreementTermsAndConditions ?? true,
    merchantUrls: {
      approvedRedirect: "https://shop.example.cz/skippay/approved",
      rejectedRedirect: "https://shop.example.cz/skippay/rejected",
      notificationEndpoint: spec.notificationEndpoint ?? "https://shop.example.cz/skippay/notifications",
    },
    customer: spec.customer ?? DEFAULT_CUSTOMER,
    order: {
      number: spec.orderNumber,
      variableSymbols:
        spec.variableSymbol === null
          ? []
          : [spec.variableSymbol ?? spec.orderNumber.replace(/\D/g, "").slice(-10).padStart(4, "0")],
      totalPrice: { amount: total(items.map((i) => i.totalPrice.amount)), currency: "CZK" },
      totalVat: rates.map((rate) => ({
        amount: total(items.filter((i) => i.totalVat.vatRate === rate).map((i) => i.totalVat.amount)),
        currency: "CZK" as const,
        vatRate: rate,
      })),
      deliveryType: "DELIVERY_CARRIER",
      deliveryCarrier: "PPL",
      items,
    },
  };
}
