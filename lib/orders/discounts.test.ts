// Returns refund what the customer paid for the goods: their value less their share of the order discount. On the
// demo's order and on generated ones, sent through the simulated Skip Pay step by step.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LineSpec } from "@/lib/sandbox/builders";
import type { SandboxApplication } from "@/lib/sandbox/model";
import { applyPlan, contextOf, sandboxApp, step } from "@/lib/testing/orders";
import { orderView } from "./lines";
import { sum } from "./money";
import type { Intent, Plan } from "./plan-types";
import { plan } from "./planner";
import { isGoods } from "./presentation";

const VARECKA: LineSpec[] = [
  { code: "KONV-17", name: "Rychlovarná konvice", unitPrice: 149_900 },
  { code: "HRN-350", name: "Hrnek smaltovaný", unitPrice: 19_900, quantity: 4 },
  { code: "DOPRAVA", name: "Doprava PPL", unitPrice: 9_900, type: "SHIPPING_FEE" },
  { code: "SLEVA", name: "Podzimní sleva 10 %", unitPrice: -22_900, type: "DISCOUNT" },
];
const delivered = (lines: LineSpec[]) => sandboxApp(lines, [step.approve(), step.send(), step.deliver()]);
const keyOf = (app: SandboxApplication, code: string) =>
  orderView(contextOf(app).order).lines.find((l) => l.code === code)?.key as string;

function planned(app: SandboxApplication, intent: Intent): Plan {
  const result = plan(contextOf(app), intent);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.plan;
}

describe("a return refunds the goods less their share of the order discount", () => {
  it("one 199 Kč mug of an order with 229 Kč off refunds 179.14 Kč; the full price on request", () => {
    const app = delivered(VARECKA);
    const mug: Extract<Intent, { kind: "return" }> = {
      kind: "return",
      lines: [{ key: keyOf(app, "HRN-350"), quantity: 1000 }],
      refundOverride: null,
    };
    const p = planned(app, mug);
    // 229 Kč over the goods by value (kettle 1,499, mugs 796): the mugs carry 79.43 Kč, one mug 19.86 Kč.
    expect(p.discountShare).toBe(1_986);
    expect(p.refund).toBe(19_900 - 1_986);
    expect(p.body).toMatchObject({ totalPrice: { amount: 17_914 } });
    expect(p.vat).toEqual([{ rate: 21, gross: 17_914, vat: expect.any(Number) }]);
    expect(sum(p.vat.map((v) => v.vat))).toBeLessThan(3_454);
    const full = planned(app, { ...mug, fullPrice: true });
    expect(full.refund).toBe(19_900);
    expect(full.discountShare).toBeUndefined();
  });

  it("the last goods bring the discount back with them: the empty body, and every haléř of the total", () => {
    let app = delivered(VARECKA);
    const kettle = planned(app, {
      kind: "return",
      lines: [{ key: keyOf(app, "KONV-17"), quantity: 1000 }],
      refundOverride: null,
    });
    expect(kettle.refund).toBe(149_900 - 14_957);
    app = applyPlan(app, kettle);
    const rest = planned(app, {
      kind: "return",
      lines: [
        { key: keyOf(app, "HRN-350"), quantity: 4000 },
        { key: keyOf(app, "DOPRAVA"), quantity: 1000 },
      ],
      refundOverride: null,
    });
    expect(rest.body).toEqual({});
    expect(kettle.refund + rest.refund).toBe(149_900 + 4 * 19_900 + 9_900 - 22_900);
    expect(contextOf(applyPlan(app, rest)).order.totalPrice.amount).toBe(0);
  });

  it("a cancel says the order discount stays whole", () => {
    const app = sandboxApp(VARECKA);
    const p = planned(app, { kind: "cancel", lines: [{ key: keyOf(app, "HRN-350"), quantity: 1000 }] });
    expect(p.cancelledValue).toBe(19_900);
    expect(p.notes).toContainEqual({ code: "discount_stays_whole", params: { discountMinor: 22_900 } });
  });
});

// Generated orders: goods at 21 % and 12 %, a shipping fee, one or two discount lines worth less than the goods.
const goods = fc.uniqueArray(
  fc.record({
    code: fc.constantFrom("A", "B", "C", "D", "E"),
    unitPrice: fc.integer({ min: 100, max: 300_000 }),
    quantity: fc.integer({ min: 1, max: 4 }),
    vatRate: fc.constantFrom(21, 12),
  }),
  { minLength: 1, maxLength: 5, selector: (g) => g.code },
);
const order = fc
  .tuple(goods, fc.integer({ min: 1, max: 60 }), fc.boolean())
  .map(([g, percent, twoRates]): LineSpec[] => {
    const lines: LineSpec[] = g.map((x) => ({ ...x, name: `Zboží ${x.code}` }));
    const byRate = (rate: number) =>
      sum(g.filter((x) => x.vatRate === rate).map((x) => x.unitPrice * x.quantity));
    const discounts: LineSpec[] = (twoRates ? [21, 12] : [21])
      .map((rate) => ({ rate, off: Math.floor((byRate(rate) * percent) / 100) }))
      .filter((d) => d.off > 0)
      .map((d) => ({
        code: `SLEVA-${d.rate}`,
        name: "Sleva",
        unitPrice: -d.off,
        type: "DISCOUNT",
        vatRate: d.rate,
      }));
    return [
      ...lines,
      { code: "SHIP", name: "Doprava", unitPrice: 9_900, type: "SHIPPING_FEE" },
      ...discounts,
    ];
  });

/** Returns every goods line (and the shipping) in random steps of random quantities, as staff would. */
const steps = order.chain((lines) =>
  fc.array(fc.nat(5), { minLength: lines.length, maxLength: lines.length }).map((cuts) => ({ lines, cuts })),
);

function returnStepByStep(
  lines: LineSpec[],
  cuts: number[],
): { refunds: number[]; plans: Plan[]; app: SandboxApplication } {
  let app = delivered(lines);
  const refunds: number[] = [];
  const plans: Plan[] = [];
  // Step i returns up to cuts[i] pieces of each line still returnable; the last step takes everything left.
  for (let i = 0; ; i++) {
    const view = orderView(contextOf(app).order);
    const left = view.lines.filter((l) => l.returnable > 0 && l.type !== "DISCOUNT");
    if (left.length === 0) break;
    const last = i >= 3;
    const chosen = left
      .map((l) => ({
        key: l.key,
        quantity: last ? l.returnable : Math.min(l.returnable, ((cuts[i % cuts.length] ?? 0) % 3) * 1000),
      }))
      .filter((c) => c.quantity > 0);
    if (chosen.length === 0) continue;
    const p = planned(app, { kind: "return", lines: chosen, refundOverride: null });
    refunds.push(p.refund);
    plans.push(p);
    app = applyPlan(app, p);
  }
  return { refunds, plans, app };
}

describe("prorated returns, on generated orders", () => {
  it("any sequence of returns refunds at most what the customer was financed for the goods and shipping", () => {
    fc.assert(
      fc.property(steps, ({ lines, cuts }) => {
        const { refunds } = returnStepByStep(lines, cuts);
        const financed = sum(lines.map((l) => l.unitPrice * (l.quantity ?? 1)));
        const goodsAndShipping = sum(
          lines.filter((l) => l.type !== "DISCOUNT").map((l) => l.unitPrice * (l.quantity ?? 1)),
        );
        expect(sum(refunds)).toBeLessThanOrEqual(financed);
        expect(sum(refunds)).toBeLessThanOrEqual(goodsAndShipping);
        for (const r of refunds) expect(r).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  });

  it("returning everything step by step refunds exactly what one full return would, to the haléř", () => {
    fc.assert(
      fc.property(steps, ({ lines, cuts }) => {
        const once = planned(delivered(lines), { kind: "return-all", refundOverride: null });
        const { refunds, plans, app } = returnStepByStep(lines, cuts);
        expect(sum(refunds)).toBe(once.refund);
        // The last step is "everything remaining" because the shares added up: what the goods still carried
        // is exactly what remained, neither capped nor kept back.
        const last = plans[plans.length - 1] as Plan;
        expect(last.body).toEqual({});
        expect(last.notes.map((n) => n.code)).not.toContain("capped_by_earlier_refunds");
        expect(contextOf(app).order.totalPrice.amount).toBe(0);
        // Each goods line gave back its value less exactly its share: nothing was lost to rounding.
        expect(
          orderView(contextOf(app).order).lines.every((l) => !isGoods(l.type) || l.returnable === 0),
        ).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
