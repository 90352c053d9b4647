// An operation whose answer was lost is settled by its footprint. On random orders and plans, sent to the simulated
// Skip Pay or not, and with a delivery marked elsewhere in between: the verdict is never the wrong one.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SandboxApplication } from "@/lib/sandbox/model";
import { applyPlan, contextOf, sandboxApp, step } from "@/lib/testing/orders";
import { basisOf, expectedBasis } from "./basis";
import { footprint } from "./footprint";
import { orderView } from "./lines";
import type { Intent } from "./plan-types";
import { plan } from "./planner";

const basis = (app: SandboxApplication) => {
  const ctx = contextOf(app);
  return basisOf({ ...ctx.application, order: ctx.order });
};

/** Marks every sent item delivered, as someone might outside this admin (what was never sent stays so). */
function deliverEverythingSent(app: SandboxApplication): SandboxApplication {
  const sent = orderView(contextOf(app).order).lines.filter((l) => l.sent >= 1000);
  if (sent.length === 0) return app;
  return step.deliver(sent.map((l) => ({ code: l.code, quantity: l.sent / 1000 })))(app).app;
}

const LINES = [
  { code: "MUG", name: "Hrnek", unitPrice: 19_900, quantity: 3 },
  { code: "TOWEL", name: "Ručník", unitPrice: 34_900, quantity: 2.5, vatRate: 12 },
  { code: "LAMP", name: "Lampa", unitPrice: 129_000 },
];

/** An order in a random stage: some lines sent, some delivered, maybe something returned or refunded already. */
const stage = fc
  .record({
    sent: fc.subarray(["MUG", "TOWEL", "LAMP"]),
    delivered: fc.subarray(["MUG", "TOWEL", "LAMP"]),
    returned: fc.boolean(),
    refunded: fc.option(fc.integer({ min: 1, max: 5_000 }), { nil: null }),
  })
  .map(({ sent, delivered, returned, refunded }) => {
    let app = sandboxApp(LINES);
    const tryStep = (s: ReturnType<typeof step.send>) => {
      try {
        app = s(app).app;
      } catch {
        // Not possible in this stage (e.g. delivering what was never sent is allowed; returning nothing is not).
      }
    };
    if (sent.length > 0) tryStep(step.send(sent.map((code) => ({ code }))));
    if (delivered.length > 0) tryStep(step.deliver(delivered.map((code) => ({ code }))));
    if (returned) tryStep(step.return([{ code: "MUG", quantity: 1 }]));
    if (refunded) tryStep(step.refund(refunded));
    return app;
  });

const intent: fc.Arbitrary<Intent> = fc.oneof(
  fc.integer({ min: 1, max: 20_000 }).map((amount): Intent => ({ kind: "refund", amount })),
  fc
    .record({ code: fc.constantFrom("MUG", "TOWEL", "LAMP"), quantity: fc.integer({ min: 1, max: 2 }) })
    .chain(({ code, quantity }) =>
      fc.constantFrom<Intent["kind"]>("cancel", "return", "send", "deliver").map((kind): Intent => {
        const lines = [{ key: code, quantity: quantity * 1000 }];
        switch (kind) {
          case "cancel":
            return { kind, lines };
          case "return":
            return { kind, lines, refundOverride: null };
          case "send":
            return { kind, lines, sentDate: null, carrier: null, trackingNumber: null, variableSymbol: null };
          default:
            return { kind: "deliver", lines, deliveryDate: null };
        }
      }),
    ),
  fc.constant<Intent>({ kind: "cancel-all" }),
  fc.constant<Intent>({ kind: "return-all", refundOverride: null }),
  fc.constant<Intent>({
    kind: "cancel-application",
    reason: "APPLICATION_CANCELLED_OTHER",
    customReason: null,
  }),
);

/** Line keys are made from the line's identifiers; the generated intents name lines by code. */
function withKeys(app: SandboxApplication, i: Intent): Intent {
  if (!("lines" in i) || !i.lines) return i;
  const lines = orderView(contextOf(app).order).lines;
  return {
    ...i,
    lines: i.lines.flatMap((l) => {
      const line = lines.find((x) => x.code === l.key);
      return line ? [{ ...l, key: line.key }] : [];
    }),
  } as Intent;
}

const scenario = fc.tuple(stage, intent).map(([app, i]) => {
  const result = plan(contextOf(app), withKeys(app, i));
  return result.ok ? { app, plan: result.plan } : null;
});

describe("footprint", () => {
  it("tells an applied operation from one that was not, on the order as the call left it", () => {
    let checked = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        if (!s) return;
        checked += 1;
        const before = basis(s.app);
        const expected = expectedBasis(s.plan);
        expect(footprint(before, expected, basis(applyPlan(s.app, s.plan)))).toBe("applied");
        expect(footprint(before, expected, before)).toBe("not_applied");
      }),
      { numRuns: 600 },
    );
    expect(checked).toBeGreaterThan(150);
  });

  it("is never wrong when a delivery was marked elsewhere meanwhile, and exact for refunds, returns and cancels", () => {
    let exact = 0;
    fc.assert(
      fc.property(scenario, (s) => {
        // (A delivery elsewhere of the very items this delivery was for is the same change: either way they are.)
        if (!s || s.plan.intent === "deliver") return;
        const before = basis(s.app);
        const expected = expectedBasis(s.plan);
        const applied = footprint(before, expected, basis(deliverEverythingSent(applyPlan(s.app, s.plan))));
        const notApplied = footprint(before, expected, basis(deliverEverythingSent(s.app)));
        expect(applied).not.toBe("not_applied");
        expect(notApplied).not.toBe("applied");
        if (["refund", "return", "return-all", "cancel", "cancel-all"].includes(s.plan.intent)) {
          exact += 1;
          expect(applied).toBe("applied");
          expect(notApplied).toBe("not_applied");
        }
      }),
      { numRuns: 600 },
    );
    expect(exact).toBeGreaterThan(100);
  });

  it("is unclear when only part of the change is there, or someone else changed the same total", () => {
    const app = sandboxApp(LINES, [step.approve(), step.send(), step.deliver()]);
    const result = plan(contextOf(app), { kind: "refund", amount: 10_000 });
    if (!result.ok) throw new Error("plan");
    const before = basis(app);
    const expected = expectedBasis(result.plan);
    expect(footprint(before, expected, { ...before, total: before.total - 4_000 })).toBe("unclear");
    expect(footprint(before, expected, { ...before, total: before.total - 20_000 })).toBe("unclear");
  });
});
