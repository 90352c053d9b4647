// A request sent back for re-confirmation opens as the form it was made with: parsed again, it is the same request.
import { describe, expect, it } from "vitest";
import { orderView } from "@/lib/orders/lines";
import { buildApplicationRequest } from "@/lib/sandbox/builders";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import { requestFor } from "@/lib/testing/requests";
import { amountInput, replanForm } from "./replan";
import { OPERATION_FORMS } from "./submission";

const app = {
  id: "A-1",
  order: buildApplicationRequest({
    orderNumber: "R-1",
    lines: [
      { code: "TV", name: "Televize", unitPrice: 1_499_000 },
      { code: "TOWEL", name: "Ručník", unitPrice: 39_900, quantity: 2.5 },
    ],
  }).order,
} as unknown as ApplicationResponse;
const keys = orderView(app.order).lines.map((l) => l.key);

function roundTrip(request: ReturnType<typeof requestFor>) {
  const { kind, values } = replanForm(request, keys, "2026-12-05");
  const parsed = OPERATION_FORMS[kind].safeParse(values);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return { applicationId: request.applicationId, ...parsed.data };
}

describe("replanForm", () => {
  it("amounts come back as the form types them", () => {
    expect(amountInput(600_000)).toBe("6000");
    expect(amountInput(250_050)).toBe("2500.50");
    expect(amountInput(1)).toBe("0.01");
  });

  it("a refund: the same amount, reason and note", () => {
    const request = requestFor(app, "refund", { amount: "2500,5", reason: "other", note: "Scratched box" });
    expect(roundTrip(request)).toEqual(request);
  });

  it("a return: the same lines and quantities, override and full price; everything stays everything", () => {
    const lines = keys.map((key, i) => ({ key, quantity: i === 1 ? "1.5" : "" }));
    const some = requestFor(app, "return", { lines, refundOverride: "300", fullPrice: true });
    expect(roundTrip(some)).toEqual(some);
    const all = requestFor(app, "return", { everything: true });
    expect(roundTrip(all)).toEqual(all);
  });

  it("an order change: the same quantities, prices, removed and added lines, reason and note", () => {
    const lines = keys.map((key, i) =>
      i === 0
        ? { key, quantity: "", unitPrice: "12990.50", remove: false }
        : { key, quantity: "", unitPrice: "", remove: true },
    );
    const added = [
      {
        name: "Dárek",
        code: "GIFT",
        type: "PHYSICAL" as const,
        quantity: "2",
        unitPrice: "49.5",
        vatRate: "12" as const,
      },
    ];
    const request = requestFor(app, "change-order", { lines, added, note: "po telefonu" });
    expect(roundTrip(request)).toEqual(request);
  });

  it("a line the order no longer has is left out", () => {
    const request = requestFor(app, "return", {
      lines: keys.map((key, i) => ({ key, quantity: i === 0 ? "1" : "" })),
    });
    const { values } = replanForm(request, keys.slice(1), "2026-12-05");
    expect(values).toMatchObject({ lines: [{ key: keys[1], quantity: "" }] });
  });
});
