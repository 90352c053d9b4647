// Property tests: random orders in random states (built through the sandbox from random histories) and random
// staff intents. Every plan must be safe on its own terms, and must do exactly what it promised when its body is
// sent to the simulated Skip Pay. 10,000 generated cases per run.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LineSpec } from "@/lib/sandbox/builders";
import { SandboxError } from "@/lib/sandbox/errors";
import type { SandboxApplication } from "@/lib/sandbox/model";
import {
  applicationOrderChangeRequest,
  orderItemsChangeRequest,
  orderItemsDeliverRequest,
  orderItemsReturnRequest,
  orderItemsSendRequest,
} from "@/lib/skippay/schemas";
import { applyPlan, contextOf, outcomeOf, promised, type Step, sandboxApp, step } from "@/lib/testing/orders";
import { type OrderLine, orderView } from "./lines";
import { sum } from "./money";
import type { Intent, Plan } from "./plan-types";
import { plan } from "./planner";

// ── Generators ───────────────────────────────────────────────────────────────────────────────────────────────

const lineSpec: fc.Arbitrary<LineSpec> = fc.record({
  code: fc.constantFrom("A", "B", "C", "D"),
  name: fc.constantFrom("Hrnek", "Konvice"),
  ean: fc.option(fc.constantFrom("8590001", "8590002"), { nil: undefined }),
  unitPrice: fc.integer({ min: 1, max: 500_000 }),
  quantity: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(1.5, 2.25, 3.125)),
  vatRate: fc.constantFrom(21, 12, 0),
});

const identity = (l: LineSpec) =>
  [l.code, l.ean ?? "", l.name, l.type ?? "", l.unitPrice, l.vatRate].join("|");

/**
 * Lines Skip Pay could at least tell apart as a whole (fully identical lines are a separate, tested case), and
 * sometimes a discount at the first line's VAT rate, worth less than that line.
 */
const lines = fc
  .tuple(
    fc.uniqueArray(lineSpec, { minLength: 1, maxLength: 5, selector: identity }),
    fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined }),
  )
  .map(([ls, percent]): LineSpec[] => {
    const first = ls[0] as LineSpec;
    if (percent === undefined) return ls;
    const off = Math.floor((Math.floor(first.unitPrice * (first.quantity ?? 1)) * percent) / 100);
    if (off < 1) return ls;
    return [
      ...ls,
      { code: "SLEVA", name: "Sleva", unitPrice: -off, type: "DISCOUNT", vatRate: first.vatRate },
    ];
  });

type HistoryOp =
  | { op: "send" | "deliver" | "cancel" | "return"; line: number; qty: number | null }
  | { op: "refund"; amount: number };

const historyOp: fc.Arbitrary<HistoryOp> = fc.oneof(
  fc.record({
    op: fc.constantFrom("send", "deliver", "cancel", "return"),
    line: fc.nat(5),
    qty: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
  }),
  fc.record({ op: fc.constant("refund"), amount: fc.integer({ min: 1, max: 400_000 }) }),
) as fc.Arbitrary<HistoryOp>;

/** An application with these lines, approved (usually), after a random history of operations. */
function build(spec: LineSpec[], approved: boolean, history: HistoryOp[]): SandboxApplication {
  const steps: Step[] = approved ? [step.approve()] : [];
  let app = sandboxApp(spec, steps);
  for (const h of history) {
    const target = h.op === "refund" ? undefined : spec[h.line % spec.length];
    const items = target
      ? [{ code: target.code, name: target.name, ...(h.op !== "refund" && h.qty ? { quantity: h.qty } : {}) }]
      : undefined;
    const s =
      h.op === "refund"
        ? step.refund(h.amount)
        : h.op === "send"
          ? step.send(items)
          : h.op === "deliver"
            ? step.deliver(items)
            : h.op === "cancel"
              ? step.cancel(items)
              : step.return(items);
    try {
      app = s(app).app;
    } catch (error) {
      if (!(error instanceof SandboxError)) throw error;
    }
  }
  return app;
}

const order = fc
  .tuple(
    lines,
    fc.boolean().map((b) => b || Math.random() > 0.1),
    fc.array(historyOp, { maxLength: 6 }),
  )
  .map(([spec, approved, history]) => build(spec, approved, history));

/** Quantities a staff member might type for a line: nothing, all, some whole pieces, nonsense. */
const quantityFor = (eligible: number) =>
  fc.oneof(
    fc.constant(0),
    fc.constant(eligible),
    fc.integer({ min: 1, max: 4 }).map((n) => n * 1000),
    fc.integer({ min: 1, max: 6000 }),
  );

function intentFor(app: SandboxApplication): fc.Arbitrary<Intent> {
  const view = orderView(contextOf(app).order);
  const selections = fc.tuple(
    ...view.lines.map((l) => quantityFor(l.quantity).map((quantity) => ({ key: l.key, quantity }))),
  );
  const some = fc.option(selections, { nil: null });
  const money = fc.integer({ min: 1, max: Math.max(2, view.refundable + 5_000) });
  return fc.oneof(
    selections.map((ls): Intent => ({ kind: "cancel", lines: ls })),
    fc.constant<Intent>({ kind: "cancel-all" }),
    fc
      .tuple(selections, fc.option(money, { nil: null }))
      .map(([ls, o]): Intent => ({ kind: "return", lines: ls, refundOverride: o })),
    fc.option(money, { nil: null }).map((o): Intent => ({ kind: "return-all", refundOverride: o })),
    money.map((amount): Intent => ({ kind: "refund", amount })),
    some.map(
      (ls): Intent => ({
        kind: "send",
        lines: ls,
        sentDate: "2026-11-20",
        carrier: "PPL",
        trackingNumber: null,
        variableSymbol: null,
      }),
    ),
    some.map((ls): Intent => ({ kind: "deliver", lines: ls, deliveryDate: null })),
    fc.constant<Intent>({
      kind: "cancel-application",
      reason: "APPLICATION_CANCELLED_BY_CUSTOMER",
      customReason: null,
    }),
  );
}

const scenario = order.chain((app) => intentFor(app).map((intent) => ({ app, intent })));

// ── Properties ───────────────────────────────────────────────────────────────────────────────────────────────

const ELIGIBLE: Record<string, (l: OrderLine) => number> = {
  CANCELLED: (l) => l.cancellable,
  SENT: (l) => l.unsent,
  DELIVERED: (l) => l.unsent + l.sent,
  RETURNED: (l) => l.returnable,
};

const SCHEMA = {
  "order/cancel": orderItemsChangeRequest,
  "order/send": orderItemsSendRequest,
  "order/deliver": orderItemsDeliverRequest,
  "order/return": orderItemsReturnRequest,
  order: applicationOrderChangeRequest,
} as const;

function checkSafety(app: SandboxApplication, p: Plan) {
  const ctx = contextOf(app);
  const view = orderView(ctx.order);
  const byKey = new Map(view.lines.map((l) => [l.key, l]));

  // The body is a valid request.
  if (p.operation !== "cancel") expect(SCHEMA[p.operation].safeParse(p.body).success).toBe(true);

  for (const change of p.changes) {
    const line = byKey.get(change.key) as OrderLine;
    // Never takes more than the line has in the states the operation may take from: never cancels anything
    // sent, never returns more than was sent or delivered.
    expect(change.quantity).toBeLessThanOrEqual((ELIGIBLE[change.to] as (l: OrderLine) => number)(line));
    // A line ordered in whole pieces moves in whole pieces (typed 1.5 never reaches "Return 1.5 items").
    if (line.quantity % 1000 === 0) expect(change.quantity % 1000).toBe(0);
    if (change.to === "CANCELLED") expect(change.from).toEqual(["PROCESSING"]);
    if (change.to === "RETURNED")
      expect(change.from.every((s) => s === "SENT" || s === "DELIVERED")).toBe(true);
  }
  // Never refunds more than remains refundable; money is always whole minor units.
  expect(p.refund).toBeGreaterThanOrEqual(0);
  expect(p.refund).toBeLessThanOrEqual(Math.max(0, view.refundable));
  for (const n of [p.refund, p.cancelledValue, p.totalAfter, ...p.vat.flatMap((v) => [v.gross, v.vat])]) {
    expect(Number.isSafeInteger(n)).toBe(true);
  }
  if (p.vat.length > 0) expect(sum(p.vat.map((v) => v.gross))).toBe(p.refund);
  // A cancel's VAT per rate adds up to what it cancels.
  if (p.operation === "order/cancel" || p.operation === "cancel")
    expect(sum((p.cancelledVat ?? []).map((v) => v.gross))).toBe(p.cancelledValue);
  for (const v of p.vat) {
    expect(v.vat).toBeLessThanOrEqual(
      sum(ctx.order.totalVat.filter((t) => t.vatRate === v.rate).map((t) => t.amount)),
    );
  }
  if (p.operation !== "cancel") expect(p.totalAfter).toBe(p.totalBefore - p.refund - p.cancelledValue);
  // Amount-only refunds never touch items; the empty body is only used when it means the same thing.
  if (p.shape === "amount-only") expect(p.body).toMatchObject({ items: [] });
  if (p.shape === "all-remaining") expect(p.body).not.toHaveProperty("items");
}

describe("the planner, on random orders and intents", () => {
  it("every plan is safe: no cancelled sent items, no over-returns, no over-refunds, a valid request body", () => {
    let plans = 0;
    fc.assert(
      fc.property(scenario, ({ app, intent }) => {
        const result = plan(contextOf(app), intent);
        if (!result.ok) {
          expect(result.issues.length).toBeGreaterThan(0);
          for (const i of result.issues) expect(i.code.length).toBeGreaterThan(0);
          return;
        }
        plans += 1;
        checkSafety(app, result.plan);
      }),
      { numRuns: 6_000 },
    );
    // The generators must actually produce plans, not only refusals.
    expect(plans).toBeGreaterThan(1_500);
  });

  it("every plan does at Skip Pay exactly what it promised: accepted, same total, same states", () => {
    let applied = 0;
    fc.assert(
      fc.property(scenario, ({ app, intent }) => {
        const result = plan(contextOf(app), intent);
        if (!result.ok) return;
        let after: SandboxApplication;
        try {
          after = applyPlan(app, result.plan);
        } catch (error) {
          throw new Error(
            `Skip Pay refused a plan: ${(error as Error).message}\nbody: ${JSON.stringify(result.plan.body)}`,
          );
        }
        applied += 1;
        expect(outcomeOf(after)).toEqual(promised(result.plan));
        // A cancel's VAT per rate is what Skip Pay takes off the order's totalVat (cancelling the application
        // clears it all).
        if (result.plan.operation === "order/cancel") {
          const taken = new Map((result.plan.cancelledVat ?? []).map((v) => [v.rate, v.vat]));
          const expected = app.order.vat.map((v) => ({
            rate: v.rate,
            amount: v.amount - (taken.get(v.rate) ?? 0),
          }));
          expect(after.order.vat).toEqual(expected);
        }
      }),
      { numRuns: 4_000 },
    );
    expect(applied).toBeGreaterThan(1_000);
  });
});
