// The change-order planner: its rules on realistic orders, and a property — whatever staff change, the new order's
// prices sum to its total, its VAT per rate is its lines' VAT, and the simulated Skip Pay accepts the request and
// ends up with exactly the total and lines the plan promised.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LineSpec } from "@/lib/sandbox/builders";
import { applicationOrderChangeRequest } from "@/lib/skippay/schemas";
import { applyPlan, contextOf, sandboxApp, step } from "@/lib/testing/orders";
import { basisOf, expectedBasis, sameEffect } from "../basis";
import { changeOrderForm } from "../forms/change-order";
import { orderView } from "../lines";
import { sum, vatIncluded } from "../money";
import type { ChangeOrderIntent, LineEdit, NewLine, Plan, PlanIssue } from "../plan-types";
import { plan } from "../planner";

const LINES: LineSpec[] = [
  { code: "KETTLE", name: "Rychlovarná konvice", unitPrice: 149_900 },
  { code: "MUG", name: "Hrnek", unitPrice: 19_900, quantity: 3 },
  { code: "BOOK", name: "Kuchařka", unitPrice: 39_900, vatRate: 12 },
  { code: "SLEVA", name: "Sleva", unitPrice: -10_000, type: "DISCOUNT" },
];

const keyOf = (app: ReturnType<typeof sandboxApp>, code: string) =>
  orderView(contextOf(app).order).lines.find((l) => l.code === code)?.key as string;

/** The order as the sandbox has it now, as a basis. */
function basisNow(app: ReturnType<typeof sandboxApp>) {
  const c = contextOf(app);
  return basisOf({ ...c.application, order: c.order });
}

const edit = (key: string, e: Partial<LineEdit>): LineEdit => ({
  key,
  quantity: null,
  unitPrice: null,
  remove: false,
  ...e,
});

const intent = (lines: LineEdit[], added: NewLine[] = []): ChangeOrderIntent => ({
  kind: "change-order",
  lines,
  added,
  reason: "Customer request",
});

function planned(app: ReturnType<typeof sandboxApp>, i: ChangeOrderIntent): Plan {
  const r = plan(contextOf(app), i);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.plan;
}
function refused(app: ReturnType<typeof sandboxApp>, i: ChangeOrderIntent): PlanIssue[] {
  const r = plan(contextOf(app), i);
  if (r.ok) throw new Error("planned");
  return r.issues;
}

/** The body's own consistency, as Skip Pay checks it. */
function expectConsistent(p: Plan) {
  if (p.operation !== "order") throw new Error(p.operation);
  const { items = [], totalPrice, totalVat = [] } = p.body.order;
  expect(applicationOrderChangeRequest.safeParse(p.body).success).toBe(true);
  expect(sum(items.map((i) => i.totalPrice.amount))).toBe(totalPrice?.amount);
  expect(totalPrice?.amount).toBe(p.totalAfter);
  for (const v of totalVat) {
    const at = items.filter((i) => i.totalVat.vatRate === v.vatRate);
    expect(sum(at.map((i) => i.totalVat.amount))).toBe(v.amount);
  }
  for (const i of items) {
    expect(Number.isInteger(i.totalPrice.amount) && Number.isInteger(i.totalVat.amount)).toBe(true);
    if (i.type !== "DISCOUNT") expect(i.totalPrice.amount).toBeGreaterThan(0);
    else expect(i.totalPrice.amount).toBeLessThan(0);
  }
  expect(p.refund).toBe(Math.max(0, p.totalBefore - p.totalAfter));
}

describe("change order: items", () => {
  it("lowers a quantity and changes a price: new total, VAT per rate, the exact request", () => {
    const app = sandboxApp(LINES);
    const p = planned(
      app,
      intent([
        edit(keyOf(app, "MUG"), { quantity: 2000 }),
        edit(keyOf(app, "KETTLE"), { unitPrice: 139_900 }),
      ]),
    );
    expectConsistent(p);
    expect(p.totalBefore).toBe(149_900 + 3 * 19_900 + 39_900 - 10_000);
    expect(p.totalAfter).toBe(139_900 + 2 * 19_900 + 39_900 - 10_000);
    expect(p.refund).toBe(10_000 + 19_900);
    if (p.operation !== "order") throw new Error();
    expect(p.body.reason).toBe("Customer request");
    expect(p.body.order.items?.map((i) => [i.code, i.quantity, i.totalPrice.amount])).toEqual([
      ["KETTLE", 1, 139_900],
      ["MUG", 2, 39_800],
      ["BOOK", 1, 39_900],
      ["SLEVA", 1, -10_000],
    ]);
    expect(p.body.order.totalVat).toEqual([
      {
        amount: vatIncluded(139_900, 21) + vatIncluded(39_800, 21) + vatIncluded(-10_000, 21),
        currency: "CZK",
        vatRate: 21,
      },
      { amount: vatIncluded(39_900, 12), currency: "CZK", vatRate: 12 },
    ]);
    expect(p.orderChange?.vatBefore.map((v) => v.rate)).toEqual([21, 12]);
    expect(p.expected).toMatchObject({ applicationState: "READY", stateReason: "READY_TO_SHIP" });

    // The sandbox takes it and ends with exactly the promised total and lines.
    const after = applyPlan(app, p);
    expect(sameEffect(basisNow(after), expectedBasis(p))).toBe(true);
  });

  it("removes a line, adjusts the discount and adds a line; raising the total refunds nothing", () => {
    const app = sandboxApp(LINES);
    const p = planned(
      app,
      intent(
        [edit(keyOf(app, "BOOK"), { remove: true }), edit(keyOf(app, "SLEVA"), { unitPrice: 5_000 })],
        [
          {
            name: "Dárkové balení",
            code: "GIFT",
            type: "PHYSICAL",
            quantity: 2000,
            unitPrice: 4_950,
            vatRate: 21,
          },
        ],
      ),
    );
    expectConsistent(p);
    expect(p.totalAfter).toBe(149_900 + 3 * 19_900 - 5_000 + 9_900);
    if (p.operation !== "order") throw new Error();
    expect(p.body.order.items?.map((i) => i.code)).toEqual(["KETTLE", "MUG", "SLEVA", "GIFT"]);
    expect(p.body.order.totalVat?.map((v) => v.vatRate)).toEqual([21]);
    expect(p.orderChange?.lines.find((l) => l.code === "BOOK")?.after).toBeNull();
    expect(p.orderChange?.lines.find((l) => l.code === "GIFT")?.before).toBeNull();
    const after = applyPlan(app, p);
    expect(sameEffect(basisNow(after), expectedBasis(p))).toBe(true);

    const raised = planned(app, intent([edit(keyOf(app, "MUG"), { quantity: 5000 })]));
    expect(raised.totalAfter).toBeGreaterThan(raised.totalBefore);
    expect(raised.refund).toBe(0);
  });

  it("is allowed while PROCESSING; refused once anything is sent, after a cancel, or when closed", () => {
    const processing = sandboxApp(LINES, []);
    expectConsistent(planned(processing, intent([edit(keyOf(processing, "MUG"), { quantity: 1000 })])));
    const sent = sandboxApp(LINES, [step.approve(), step.send([{ code: "MUG", quantity: 1 }])]);
    expect(refused(sent, intent([edit(keyOf(sent, "KETTLE"), { quantity: 2000 })]))[0]).toMatchObject({
      code: "order_not_changeable",
      params: { why: "sent" },
    });
    const cancelled = sandboxApp(LINES, [step.approve(), step.cancel([{ code: "BOOK" }])]);
    expect(
      refused(cancelled, intent([edit(keyOf(cancelled, "KETTLE"), { quantity: 2000 })]))[0]?.params,
    ).toMatchObject({ why: "cancelled" });
    const closed = sandboxApp(LINES, [step.approve(), step.cancel()]);
    expect(
      refused(closed, intent([edit(keyOf(closed, "KETTLE"), { quantity: 2000 })]))[0]?.params,
    ).toMatchObject({
      why: "closed",
    });
  });

  it("says what is wrong, by field", () => {
    const app = sandboxApp([...LINES, { code: "FLOUR", name: "Mouka", unitPrice: 3_000, quantity: 2.5 }]);
    const mug = keyOf(app, "MUG");
    expect(refused(app, intent([edit(mug, { quantity: 2500 })]))[0]).toMatchObject({
      field: "lines.0.quantity",
      code: "quantity_whole",
    });
    expect(refused(app, intent([edit(mug, { quantity: 0 })]))[0]?.code).toBe("quantity_min_one");
    // A line weighed out takes decimals.
    expectConsistent(planned(app, intent([edit(keyOf(app, "FLOUR"), { quantity: 1250 })])));
    expect(refused(app, intent([edit(mug, { unitPrice: 0 })]))[0]).toMatchObject({
      field: "lines.0.unitPrice",
      code: "price_invalid",
    });
    expect(refused(app, intent([edit(mug, { unitPrice: 9_999_999_999_900 })]))[0]).toMatchObject({
      field: "lines.0.unitPrice",
      code: "price_too_large",
    });
    expect(refused(app, intent([edit(mug, { quantity: 3000 })]))[0]?.code).toBe("nothing_changed");
    expect(refused(app, intent([]))[0]?.code).toBe("nothing_changed");
    expect(refused(app, intent([edit("nope", { quantity: 1000 })]))[0]?.code).toBe("line_unknown");
    // A discount bigger than what is left at its rate, or only the discount left.
    expect(refused(app, intent([edit(keyOf(app, "SLEVA"), { unitPrice: 500_000 })]))[0]).toMatchObject({
      code: "discount_above_items",
      params: { rate: 21 },
    });
    const all = ["KETTLE", "MUG", "BOOK", "FLOUR"].map((c) => edit(keyOf(app, c), { remove: true }));
    expect(refused(app, intent(all))[0]?.code).toBe("no_lines_left");
    const gift: NewLine = {
      name: "Hrnek 2",
      code: "MUG",
      type: "PHYSICAL",
      quantity: 1000,
      unitPrice: 100,
      vatRate: 21,
    };
    expect(refused(app, intent([], [gift]))[0]).toMatchObject({ field: "added.0.code", code: "code_taken" });
    expect(refused(app, intent([], [{ ...gift, code: "X", vatRate: 7 }]))[0]).toMatchObject({
      field: "added.0.vatRate",
      code: "vat_rate_invalid",
    });
  });

  it("the form sends the chosen reason in fixed English, never the internal note", () => {
    const app = sandboxApp(LINES);
    const values = {
      kind: "change-order" as const,
      lines: [{ key: keyOf(app, "MUG"), quantity: "2", unitPrice: "", remove: false }],
      added: [],
      delivery: { name: "", street: "", number: "", city: "", zip: "", country: "CZ", carrier: "" },
      reason: "out_of_stock",
      note: "sklad Brno prázdný",
    };
    const parsed = changeOrderForm.parse(values);
    expect(parsed.intent.reason).toBe("Out of stock");
    expect(parsed.intent.delivery).toEqual({ address: null, carrier: null });
    const p = planned(app, parsed.intent);
    expect(JSON.stringify(p.body)).not.toContain("Brno");
    // No reason chosen, or half an address: the form says so before anything is planned.
    expect(changeOrderForm.safeParse({ ...values, reason: "" }).success).toBe(false);
    const half = changeOrderForm.safeParse({ ...values, delivery: { ...values.delivery, city: "Brno" } });
    expect(half.success ? [] : half.error.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["delivery.street", "address_field_required"],
      ["delivery.zip", "address_field_required"],
    ]);
  });
});

describe("change order: the delivery", () => {
  const BRNO = {
    name: "Jana Nováková",
    streetAddress: "Masarykova",
    streetNumber: "12",
    city: "Brno",
    zip: "602 00",
    country: "CZ",
  };

  it("fixes the address and carrier alone: no items sent, total and lines stay, Skip Pay applies it", () => {
    const app = sandboxApp(LINES);
    const p = planned(app, { ...intent([]), delivery: { address: BRNO, carrier: "ZASILKOVNA" } });
    if (p.operation !== "order") throw new Error();
    expect(p.body).toEqual({
      reason: "Customer request",
      order: { addresses: [{ ...BRNO, addressType: "DELIVERY" }], deliveryCarrier: "ZASILKOVNA" },
    });
    expect(applicationOrderChangeRequest.safeParse(p.body).success).toBe(true);
    expect([p.totalAfter, p.refund]).toEqual([p.totalBefore, 0]);
    expect(p.orderChange?.delivery).toMatchObject({
      address: { after: BRNO },
      carrier: { after: "ZASILKOVNA" },
    });
    const after = applyPlan(app, p);
    expect(sameEffect(basisNow(after), expectedBasis(p))).toBe(true);
    expect(contextOf(after).order).toMatchObject({
      deliveryCarrier: "ZASILKOVNA",
      addresses: expect.arrayContaining([expect.objectContaining({ addressType: "DELIVERY", city: "Brno" })]),
    });
    // The same again changes nothing.
    expect(
      refused(after, { ...intent([]), delivery: { address: BRNO, carrier: "ZASILKOVNA" } })[0]?.code,
    ).toBe("nothing_changed");
  });

  it("goes with a change of lines in one request, and after a partial cancel only the delivery can change", () => {
    const app = sandboxApp(LINES);
    const both = planned(app, {
      ...intent([edit(keyOf(app, "MUG"), { quantity: 1000 })]),
      delivery: { address: null, carrier: "DPD" },
    });
    if (both.operation !== "order") throw new Error();
    expect(both.body.order).toMatchObject({
      deliveryCarrier: "DPD",
      totalPrice: { amount: both.totalAfter },
    });
    expectConsistent(both);

    const cancelled = sandboxApp(LINES, [step.approve(), step.cancel([{ code: "BOOK" }])]);
    const p = planned(cancelled, { ...intent([]), delivery: { address: BRNO, carrier: null } });
    expect(sameEffect(basisNow(applyPlan(cancelled, p)), expectedBasis(p))).toBe(true);
    expect(
      refused(cancelled, {
        ...intent([edit(keyOf(cancelled, "MUG"), { quantity: 1000 })]),
        delivery: { address: BRNO, carrier: null },
      })[0],
    ).toMatchObject({ code: "order_not_changeable", params: { why: "cancelled" } });
    expect(
      refused(app, { ...intent([]), delivery: { address: { ...BRNO, city: " " }, carrier: null } })[0],
    ).toMatchObject({
      field: "delivery.city",
      code: "address_incomplete",
    });
  });
});

// ── Property: whatever staff change, the order stays consistent and Skip Pay takes it ───────────────────────────

const spec: fc.Arbitrary<LineSpec[]> = fc
  .tuple(
    fc.uniqueArray(
      fc.record({
        code: fc.constantFrom("A", "B", "C", "D", "E"),
        name: fc.constantFrom("Hrnek", "Konvice"),
        unitPrice: fc.integer({ min: 1, max: 500_000 }),
        quantity: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(1.5, 2.25)),
        vatRate: fc.constantFrom(21, 12, 0),
      }),
      { minLength: 1, maxLength: 4, selector: (l) => l.code },
    ),
    fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
  )
  .map(([ls, percent]) => {
    const first = ls[0] as LineSpec;
    const off = percent ? Math.floor((first.unitPrice * percent) / 100) : 0;
    return off > 0
      ? [
          ...ls,
          {
            code: "SLEVA",
            name: "Sleva",
            unitPrice: -off,
            type: "DISCOUNT" as const,
            vatRate: first.vatRate,
          },
        ]
      : ls;
  });

const edits = fc.array(
  fc.record({
    line: fc.nat(5),
    quantity: fc.option(fc.integer({ min: 0, max: 6_000 }), { nil: null }),
    unitPrice: fc.option(fc.integer({ min: 0, max: 600_000 }), { nil: null }),
    remove: fc.boolean(),
  }),
  { maxLength: 4 },
);

const added = fc.array(
  fc.record({
    name: fc.constant("Nová položka"),
    code: fc.constantFrom("N1", "N2", "A"),
    type: fc.constantFrom("PHYSICAL" as const, "SHIPPING_FEE" as const, "DISCOUNT" as const),
    quantity: fc.integer({ min: 1, max: 4 }).map((q) => q * 1000),
    unitPrice: fc.integer({ min: 1, max: 200_000 }),
    vatRate: fc.constantFrom(21, 12, 0),
  }),
  { maxLength: 2 },
);

const REFUSALS = [
  "quantity_min_one",
  "quantity_whole",
  "price_invalid",
  "price_too_large",
  "nothing_changed",
  "no_lines_left",
  "discount_above_items",
  "code_taken",
];

describe("change order: property", () => {
  it("every plan is consistent and the sandbox applies it exactly as promised", () => {
    let planned = 0;
    fc.assert(
      fc.property(spec, fc.boolean(), edits, added, (lines, approved, es, as) => {
        const app = sandboxApp(lines, approved ? [step.approve()] : []);
        const view = orderView(contextOf(app).order);
        const seen = new Set<string>();
        const lineEdits = es
          .map((e) => ({ ...e, key: view.lines[e.line % view.lines.length]?.key as string }))
          .filter((e) => !seen.has(e.key) && seen.add(e.key))
          .map(({ key, quantity, unitPrice, remove }) => ({ key, quantity, unitPrice, remove }));
        const r = plan(contextOf(app), intent(lineEdits, as));
        if (!r.ok) {
          // A refusal always says why, and only for what the rules forbid.
          expect(r.issues.length).toBeGreaterThan(0);
          for (const i of r.issues) expect(REFUSALS).toContain(i.code);
          return;
        }
        planned += 1;
        expectConsistent(r.plan);
        const after = applyPlan(app, r.plan);
        const now = basisNow(after);
        expect(sameEffect(now, expectedBasis(r.plan))).toBe(true);
        expect(now.state).toBe(r.plan.expected.applicationState);
      }),
      { numRuns: 300 },
    );
    // The generators reach real plans, not only refusals.
    expect(planned).toBeGreaterThan(50);
  });
});
