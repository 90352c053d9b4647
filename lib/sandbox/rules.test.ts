import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applicationRequest } from "@/lib/skippay/schemas";
import { total as sum } from "./arithmetic";
import { buildApplicationRequest, type LineSpec } from "./builders";
import { SandboxError } from "./errors";
import type { SandboxApplication } from "./model";
import { renderOrderExtended } from "./render";
import * as rules from "./rules";

const LINES: LineSpec[] = [
  { code: "KETTLE", name: "Rychlovarná konvice", unitPrice: 149_900, quantity: 1 },
  { code: "MUG", name: "Hrnek", unitPrice: 19_900, quantity: 3 },
  { code: "BOOK", name: "Kuchařka", unitPrice: 39_900, quantity: 1, vatRate: 12 },
  { code: "SHIP", name: "Doprava PPL", unitPrice: 9_900, type: "SHIPPING_FEE" },
];

function created(lines: LineSpec[] = LINES): SandboxApplication {
  const request = applicationRequest.parse(buildApplicationRequest({ orderNumber: "EO-1", lines }));
  return rules.createApplication("app1", request, "http://sandbox/gateway");
}

function ready(lines?: LineSpec[]) {
  return rules.approve(created(lines)).app;
}

function refusal(fn: () => unknown): SandboxError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SandboxError) return error;
    throw error;
  }
  throw new Error("expected a SandboxError");
}

function items(app: SandboxApplication) {
  return renderOrderExtended(app).items.map((i) => `${i.code} ${i.quantity} ${i.state}`);
}

const TOTAL = 149_900 + 3 * 19_900 + 39_900 + 9_900; // 259 400

describe("creating an application", () => {
  it("starts PROCESSING, pre-approved when the customer agreed to the terms", () => {
    const app = created();
    expect(app.state).toBe("PROCESSING");
    expect(app.stateReason).toBe("PROCESSING_PREAPPROVED");
    expect(app.order.total).toBe(TOTAL);
    expect(app.order.vat.map((v) => v.rate)).toEqual([21, 12]);
  });

  it("needs a redirect to the gateway when the terms were not agreed", () => {
    const request = buildApplicationRequest({
      orderNumber: "EO-2",
      lines: LINES,
      agreementTermsAndConditions: false,
    });
    const app = rules.createApplication("a2", applicationRequest.parse(request), "http://sandbox/gateway");
    expect(app.stateReason).toBe("PROCESSING_REDIRECT_NEEDED");
    expect(app.gatewayRedirectUrl).toBe("http://sandbox/gateway/a2");
  });

  it("refuses an order whose total is not the sum of its items", () => {
    const request = buildApplicationRequest({ orderNumber: "EO-3", lines: LINES });
    request.order.totalPrice.amount += 1;
    const error = refusal(() => rules.createApplication("a3", request, ""));
    expect(error.status).toBe(422);
    expect(error.attribute).toBe("order.totalPrice.amount");
  });

  it("refuses VAT per rate that does not match the items", () => {
    const request = buildApplicationRequest({ orderNumber: "EO-4", lines: LINES });
    (request.order.totalVat[0] as { amount: number }).amount -= 1;
    expect(refusal(() => rules.createApplication("a4", request, "")).attribute).toBe("order.totalVat");
  });

  it("allows negative prices only on DISCOUNT lines", () => {
    const bad = buildApplicationRequest({
      orderNumber: "EO-5",
      lines: [...LINES, { code: "X", name: "Minus", unitPrice: -100 }],
    });
    expect(refusal(() => rules.createApplication("a5", bad, "")).attribute).toBe(
      "order.items[4].totalPrice.amount",
    );
    const ok = buildApplicationRequest({
      orderNumber: "EO-6",
      lines: [...LINES, { code: "SLEVA", name: "Sleva", unitPrice: -5_000, type: "DISCOUNT" }],
    });
    expect(rules.createApplication("a6", ok, "").order.total).toBe(TOTAL - 5_000);
  });
});

describe("application transitions", () => {
  it("approve moves PROCESSING to READY_TO_SHIP; reject to REJECTED; neither twice", () => {
    const app = ready();
    expect([app.state, app.stateReason]).toEqual(["READY", "READY_TO_SHIP"]);
    expect(refusal(() => rules.approve(app)).status).toBe(422);
    const rejected = rules.reject(created()).app;
    expect([rejected.state, rejected.stateReason]).toEqual(["REJECTED", "REJECTED"]);
  });

  it("order operations need a READY application and say why not", () => {
    const error = refusal(() => rules.cancelItems(created(), {}));
    expect(error.status).toBe(422);
    expect(error.code).toBe("NOT_SUPPORTED");
    expect(error.message).toContain(
      "only while the application is READY; it is PROCESSING (PROCESSING_PREAPPROVED)",
    );
  });

  it("cancelling the application cancels every item and zeroes the total", () => {
    const { app } = rules.cancelApplication(ready(), { reason: "APPLICATION_CANCELLED_BY_CUSTOMER" });
    expect([app.state, app.stateReason]).toEqual(["CANCELLED", "CANCELLED_NOT_PAID"]);
    expect(app.order.total).toBe(0);
    expect(rules.orderStateOf(app.order)).toBe("CANCELLED");
    expect(refusal(() => rules.cancelApplication(app, {})).code).toBe("APPLICATION_ALREADY_CANCELLED");
  });

  it("an application with sent items cannot be cancelled as a whole", () => {
    const sent = rules.sendItems(ready(), { items: [{ code: "MUG", quantity: 1 }] }, "2026-11-12").app;
    expect(refusal(() => rules.cancelApplication(sent, {})).message).toContain("already marked as sent");
    expect(refusal(() => rules.cancelApplication(rules.reject(created()).app, {})).code).toBe(
      "APPLICATION_REJECTED",
    );
  });

  it("a paid-out application reports READY_PAID and can no longer be cancelled", () => {
    const delivered = rules.deliverItems(ready(), {}, "2026-11-14").app;
    const paid = rules.payout(delivered).app;
    expect(paid.stateReason).toBe("READY_PAID");
    expect(refusal(() => rules.cancelApplication(paid, {})).code).toBe("APPLICATION_PAID");
  });
});

describe("cancel items", () => {
  it("cancels part of a line: the line splits, total and VAT drop by that share", () => {
    const { app, summary } = rules.cancelItems(ready(), { items: [{ code: "MUG", quantity: 2 }] });
    expect(items(app)).toContain("MUG 1 PROCESSING");
    expect(items(app)).toContain("MUG 2 CANCELLED");
    expect(summary.cancelled).toBe(39_800);
    expect(app.order.total).toBe(TOTAL - 39_800);
    expect(app.order.vat.find((v) => v.rate === 21)?.amount).toBe(
      sum([149_900, 19_900 * 3, 9_900].map((p) => Math.round((p * 21) / 121))) -
        Math.round((59_700 * 21) / 121) +
        Math.round((19_900 * 21) / 121),
    );
    expect(app.stateReason).toBe("READY_TO_SHIP");
  });

  it("an empty body cancels everything not yet sent; with nothing sent the application ends CANCELLED_NOT_PAID", () => {
    const { app } = rules.cancelItems(ready(), {});
    expect([app.state, app.stateReason]).toEqual(["CANCELLED", "CANCELLED_NOT_PAID"]);
    expect(app.order.total).toBe(0);
    expect(app.order.vat.every((v) => v.amount === 0)).toBe(true);
  });

  it("never cancels what was sent, and says to use return", () => {
    const sent = rules.sendItems(ready(), { items: [{ code: "KETTLE" }] }, "2026-11-12").app;
    const error = refusal(() => rules.cancelItems(sent, { items: [{ code: "KETTLE" }] }));
    expect(error.message).toContain("1 sent on 2026-11-12");
    expect(error.message).toContain("use order/return");
    expect(error.attribute).toBe("items[0]");
    const rest = rules.cancelItems(sent, {}).app;
    expect(items(rest)).toEqual(["KETTLE 1 SENT", "MUG 3 CANCELLED", "BOOK 1 CANCELLED", "SHIP 1 CANCELLED"]);
    expect(rest.stateReason).toBe("READY_SHIPPED");
    expect(rest.order.total).toBe(149_900);
  });

  it("refuses more than remains, unknown items, ambiguous references and the same line twice", () => {
    const app = ready();
    expect(
      refusal(() => rules.cancelItems(app, { items: [{ code: "MUG", quantity: 4 }] })).message,
    ).toContain("only 3 of 3");
    expect(refusal(() => rules.cancelItems(app, { items: [{ code: "NOPE" }] })).message).toContain(
      'code "NOPE"',
    );
    expect(refusal(() => rules.cancelItems(app, { items: [{ code: "MUG" }, { code: "MUG" }] })).status).toBe(
      400,
    );
    expect(refusal(() => rules.cancelItems(app, { items: [{ quantity: 1 }] })).status).toBe(400);
  });

  it("tells apart two lines sharing a code only by their other identifiers", () => {
    const app = ready([
      { code: "TSHIRT", name: "Tričko M", unitPrice: 39_900, quantity: 2 },
      { code: "TSHIRT", name: "Tričko L", unitPrice: 39_900 },
    ]);
    const error = refusal(() => rules.cancelItems(app, { items: [{ code: "TSHIRT" }] }));
    expect(error.message).toContain("matches 2 order items");
    const { app: after } = rules.cancelItems(app, { items: [{ code: "TSHIRT", name: "Tričko L" }] });
    expect(items(after)).toEqual(["TSHIRT 2 PROCESSING", "TSHIRT 1 CANCELLED"]);
  });
});

describe("send and deliver", () => {
  it("READY_TO_SHIP → READY_SHIPPED → READY_DELIVERED as the order moves", () => {
    const a1 = rules.sendItems(
      ready(),
      { items: [{ code: "MUG", quantity: 1 }], deliveryTrackingNumber: "T1" },
      "2026-11-12",
    ).app;
    expect(a1.stateReason).toBe("READY_SHIPPED");
    expect(rules.orderStateOf(a1.order)).toBe("SENT");
    const a2 = rules.deliverItems(a1, {}, "2026-11-14").app;
    expect(a2.stateReason).toBe("READY_DELIVERED");
    expect(rules.orderStateOf(a2.order)).toBe("DELIVERED");
    const mugs = renderOrderExtended(a2).items.filter((i) => i.code === "MUG");
    expect(mugs.map((m) => [m.quantity, m.sentDate, m.deliveryDate, m.deliveryTrackingNumber])).toEqual([
      [1, "2026-11-12", "2026-11-14", "T1"],
      [2, "2026-11-14", "2026-11-14", null],
    ]);
  });
});

describe("item-level dates (spec, OrderItemResponse: only when the whole order was NOT sent at once)", () => {
  const dated = (app: SandboxApplication) =>
    renderOrderExtended(app).items.map((i) => [
      `${i.code} ${i.quantity} ${i.state}`,
      i.sentDate,
      i.deliveryDate,
      i.deliveryTrackingNumber,
    ]);

  it("an order sent at once dates the order, not its items — even when delivered in parts", () => {
    const sent = rules.sendItems(ready(), { deliveryTrackingNumber: "T1" }, "2026-11-12").app;
    expect(renderOrderExtended(sent)).toMatchObject({ sentDate: "2026-11-12", deliveryTrackingNumber: "T1" });
    expect(dated(sent).every(([, ...dates]) => dates.every((d) => d === null))).toBe(true);
    const part = rules.deliverItems(sent, { items: [{ code: "MUG", quantity: 1 }] }, "2026-11-14").app;
    const all = rules.deliverItems(part, {}, "2026-11-15").app;
    // One item per state: two deliveries on different days are not two items told apart by dates nobody sees.
    expect(dated(all).filter(([item]) => String(item).startsWith("MUG"))).toEqual([
      ["MUG 3 DELIVERED", null, null, null],
    ]);
    expect(renderOrderExtended(all).deliveryDate).toBe("2026-11-15");
  });

  it("delivering everything unsent in one go is sending it at once, too", () => {
    const app = rules.deliverItems(ready(), {}, "2026-11-14").app;
    expect(dated(app).every(([, ...dates]) => dates.every((d) => d === null))).toBe(true);
    expect(renderOrderExtended(app)).toMatchObject({ sentDate: "2026-11-14", deliveryDate: "2026-11-14" });
  });

  it("an order sent in parts dates every sent item, and keeps doing so once the rest is sent", () => {
    const first = rules.sendItems(
      ready(),
      { items: [{ code: "KETTLE" }], deliveryTrackingNumber: "T1" },
      "2026-11-12",
    ).app;
    const rest = rules.sendItems(first, { deliveryTrackingNumber: "T2" }, "2026-11-13").app;
    expect(dated(rest)).toEqual([
      ["KETTLE 1 SENT", "2026-11-12", null, "T1"],
      ["MUG 3 SENT", "2026-11-13", null, "T2"],
      ["BOOK 1 SENT", "2026-11-13", null, "T2"],
      ["SHIP 1 SENT", "2026-11-13", null, "T2"],
    ]);
  });
});

describe("no item below quantity 1 (spec, OrderItemResponse: minimum 1)", () => {
  const TOWEL: LineSpec[] = [
    { code: "TOWEL", name: "Lněný ručník", unitPrice: 29_900, quantity: 2 },
    { code: "CHEESE", name: "Sýr (kg)", unitPrice: 32_000, quantity: 2.5 },
  ];

  it("refuses a cancel or return of 1.25 of 2, which would leave 0.75, and says why", () => {
    const cancel = refusal(() =>
      rules.cancelItems(ready(TOWEL), { items: [{ code: "TOWEL", quantity: 1.25 }] }),
    );
    expect([cancel.status, cancel.code, cancel.attribute]).toEqual([
      422,
      "NOT_SUPPORTED",
      "items[0].quantity",
    ]);
    expect(cancel.message).toBe(
      '1.25 of "Lněný ručník" (code TOWEL) cannot be cancelled: that would leave 0.75 not sent, and an order ' +
        "item's quantity is at least 1 (OrderItemResponse); take all 2 or leave at least 1",
    );
    const delivered = rules.deliverItems(ready(TOWEL), {}, "2026-11-14").app;
    const back = refusal(() => rules.returnItems(delivered, { items: [{ code: "TOWEL", quantity: 1.25 }] }));
    expect(back.status).toBe(422);
    expect(back.message).toContain("would leave 0.75 delivered");
    // 2 of 2.5 kg would leave 0.5 kg; 1.5 of 2.5 leaves 1 and is fine.
    expect(
      refusal(() => rules.returnItems(delivered, { items: [{ code: "CHEESE", quantity: 2 }] })).message,
    ).toContain("would leave 0.5 delivered");
    const ok = rules.returnItems(delivered, { items: [{ code: "CHEESE", quantity: 1.5 }] }).app;
    expect(items(ok).filter((i) => i.startsWith("CHEESE"))).toEqual([
      "CHEESE 1 DELIVERED",
      "CHEESE 1.5 RETURNED",
    ]);
  });

  it("refuses a send or delivery that would leave a part below 1, too", () => {
    expect(
      refusal(() => rules.sendItems(ready(TOWEL), { items: [{ code: "CHEESE", quantity: 2 }] }, "2026-11-12"))
        .message,
    ).toContain("would leave 0.5 not sent");
    expect(
      refusal(() =>
        rules.deliverItems(ready(TOWEL), { items: [{ code: "TOWEL", quantity: 1.5 }] }, "2026-11-12"),
      ).status,
    ).toBe(422);
  });
});

describe("return", () => {
  const delivered = () => rules.deliverItems(ready(), {}, "2026-11-14").app;

  it("returns part of a line and refunds its value", () => {
    const { app, summary } = rules.returnItems(delivered(), { items: [{ code: "MUG", quantity: 2 }] });
    expect(summary.refund).toBe(39_800);
    expect(app.order.total).toBe(TOTAL - 39_800);
    expect(items(app).filter((i) => i.startsWith("MUG"))).toEqual(["MUG 1 DELIVERED", "MUG 2 RETURNED"]);
    expect(app.stateReason).toBe("READY_DELIVERED");
  });

  it("refunds an override amount instead, with the VAT given or split by rate", () => {
    const { app, summary } = rules.returnItems(delivered(), {
      items: [{ code: "KETTLE" }],
      totalPrice: { amount: 120_000, currency: "CZK" },
    });
    expect(summary.refund).toBe(120_000);
    expect(app.order.total).toBe(TOTAL - 120_000);
    const vat21 = delivered().order.vat.find((v) => v.rate === 21)?.amount ?? 0;
    expect(app.order.vat.find((v) => v.rate === 21)?.amount).toBe(vat21 - Math.round((120_000 * 21) / 121));
  });

  it('an amount-only refund ("items": []) lowers the total and leaves every state as it was', () => {
    const before = delivered();
    const { app } = rules.returnItems(before, { items: [], totalPrice: { amount: 5_000, currency: "CZK" } });
    expect(app.order.total).toBe(TOTAL - 5_000);
    expect(items(app)).toEqual(items(before));
    expect(app.stateReason).toBe("READY_DELIVERED");
    expect(refusal(() => rules.returnItems(before, { items: [] })).attribute).toBe("totalPrice");
  });

  it("never refunds more than remains refundable; unsent goods are not refundable", () => {
    const half = rules.sendItems(ready(), { items: [{ code: "KETTLE" }] }, "2026-11-12").app;
    expect(rules.refundable(half.order)).toBe(149_900);
    const error = refusal(() =>
      rules.returnItems(half, { items: [], totalPrice: { amount: 149_901, currency: "CZK" } }),
    );
    expect(error.message).toContain("exceeds the amount that can still be refunded (149900)");
    expect(
      refusal(() => rules.returnItems(ready(), { items: [], totalPrice: { amount: 1, currency: "CZK" } }))
        .status,
    ).toBe(422);
  });

  it("caps an item return's refund at what is left after earlier amount-only refunds", () => {
    const app = ready([{ code: "TV", name: "Televize", unitPrice: 1_000_000 }]);
    const delivered1 = rules.deliverItems(app, {}, "2026-11-14").app;
    const refunded = rules.returnItems(delivered1, {
      items: [],
      totalPrice: { amount: 600_000, currency: "CZK" },
    }).app;
    const { summary, app: after } = rules.returnItems(refunded, { items: [{ code: "TV" }] });
    expect(summary.refund).toBe(400_000);
    expect(after.order.total).toBe(0);
    expect(after.stateReason).toBe("CANCELLED_RETURNED");
  });

  it("a full return ({}) returns everything: order RETURNED, total 0, application CANCELLED_RETURNED", () => {
    const { app, summary } = rules.returnItems(delivered(), {});
    expect(summary.operation).toBe("full-return");
    expect(summary.refund).toBe(TOTAL);
    expect(rules.orderStateOf(app.order)).toBe("RETURNED");
    expect(app.order.total).toBe(0);
    expect(app.order.vat.every((v) => v.amount === 0)).toBe(true);
    expect([app.state, app.stateReason]).toEqual(["CANCELLED", "CANCELLED_RETURNED"]);
  });

  it("a full return is refused while items are unsent, naming them", () => {
    const half = rules.sendItems(ready(), { items: [{ code: "KETTLE" }] }, "2026-11-12").app;
    expect(refusal(() => rules.returnItems(half, {})).message).toContain('not sent yet: "Hrnek" (code MUG)');
  });

  it("cannot return what was not sent", () => {
    const error = refusal(() => rules.returnItems(ready(), { items: [{ code: "MUG" }] }));
    expect(error.message).toContain("cancel unsent items with order/cancel");
  });
});

describe("invariants under random operation sequences", () => {
  type Op =
    | { op: "cancel" | "send" | "deliver" | "return"; line: number; qty: number | null }
    | { op: "refund"; amount: number }
    | { op: "all-cancel" | "all-send" | "all-deliver" | "full-return" };
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({
      op: fc.constantFrom("cancel", "send", "deliver", "return"),
      line: fc.integer({ min: 0, max: 4 }),
      qty: fc.option(fc.integer({ min: 1, max: 3 })),
    }),
    fc.record({ op: fc.constant("refund"), amount: fc.integer({ min: 1, max: 300_000 }) }),
    fc.record({ op: fc.constantFrom("all-cancel", "all-send", "all-deliver", "full-return") }),
  ) as fc.Arbitrary<Op>;

  const WITH_DISCOUNT: LineSpec[] = [
    ...LINES,
    { code: "SLEVA", name: "Sleva", unitPrice: -20_000, type: "DISCOUNT" },
  ];

  function apply(app: SandboxApplication, o: Op): SandboxApplication {
    const line = "line" in o ? WITH_DISCOUNT[o.line] : undefined;
    const ref = line ? [{ code: line.code, ...("qty" in o && o.qty ? { quantity: o.qty } : {}) }] : undefined;
    switch (o.op) {
      case "cancel":
        return rules.cancelItems(app, { items: ref }).app;
      case "send":
        return rules.sendItems(app, { items: ref }, "2026-11-12").app;
      case "deliver":
        return rules.deliverItems(app, { items: ref }, "2026-11-13").app;
      case "return":
        return rules.returnItems(app, { items: ref }).app;
      case "refund":
        return rules.returnItems(app, { items: [], totalPrice: { amount: o.amount, currency: "CZK" } }).app;
      case "all-cancel":
        return rules.cancelItems(app, {}).app;
      case "all-send":
        return rules.sendItems(app, {}, "2026-11-12").app;
      case "all-deliver":
        return rules.deliverItems(app, {}, "2026-11-13").app;
      case "full-return":
        return rules.returnItems(app, {}).app;
    }
  }

  it("parts always sum to their line; totals never go negative or above the original; refunds never exceed what was sent", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops) => {
        let app = ready(WITH_DISCOUNT);
        for (const o of ops) {
          try {
            app = apply(app, o);
          } catch (error) {
            if (!(error instanceof SandboxError)) throw error;
          }
          app.order.lines.forEach((line, i) => {
            const spec = WITH_DISCOUNT[i] as LineSpec;
            expect(sum(line.parts.map((p) => p.qty))).toBe((spec.quantity ?? 1) * 1000);
            expect(sum(line.parts.map((p) => p.price))).toBe(spec.unitPrice * (spec.quantity ?? 1));
          });
          expect(app.order.total).toBeGreaterThanOrEqual(0);
          expect(app.order.total).toBeLessThanOrEqual(TOTAL - 20_000);
          // What is still financed always covers the goods not yet sent.
          expect(rules.refundable(app.order)).toBeGreaterThanOrEqual(0);
          expect(app.order.vat.every((v) => v.amount >= 0)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
