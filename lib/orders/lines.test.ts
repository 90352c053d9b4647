import { describe, expect, it } from "vitest";
import { applyPlan, contextOf, sandboxApp, step } from "@/lib/testing/orders";
import { ineligibility } from "./eligibility";
import { orderView } from "./lines";
import { plan } from "./planner";

describe("orderView", () => {
  it("groups the items Skip Pay lists per state into one line with per-state quantities", () => {
    const app = sandboxApp(
      [
        { code: "MUG", name: "Hrnek", unitPrice: 19_900, quantity: 5, ean: "859001" },
        { code: "SHIP", name: "Doprava", unitPrice: 9_900, type: "SHIPPING_FEE" },
      ],
      [
        step.approve(),
        step.cancel([{ code: "MUG", quantity: 1 }]),
        step.send([{ code: "MUG", quantity: 3 }]),
        step.deliver([{ code: "MUG", quantity: 2 }]),
        step.return([{ code: "MUG", quantity: 1 }]),
      ],
    );
    const { order } = contextOf(app);
    expect(order.items.filter((i) => i.code === "MUG").length).toBeGreaterThan(1);
    const view = orderView(order);
    expect(view.lines).toHaveLength(2);
    const mug = view.lines[0]!;
    expect({
      quantity: mug.quantity,
      unsent: mug.unsent,
      sent: mug.sent,
      delivered: mug.delivered,
      returned: mug.returned,
      cancelled: mug.cancelled,
      cancellable: mug.cancellable,
      returnable: mug.returnable,
      value: mug.value,
    }).toEqual({
      quantity: 5000,
      unsent: 1000,
      sent: 1000,
      delivered: 1000,
      returned: 1000,
      cancelled: 1000,
      cancellable: 1000,
      returnable: 2000,
      value: 99_500,
    });
    expect(mug.reference).toEqual({ code: "MUG", ean: "859001", name: "Hrnek", type: "PHYSICAL" });
    // Same line, same key, on every read.
    expect(orderView(contextOf(app).order).lines[0]!.key).toBe(mug.key);
  });

  it("takes the order's dates for its items when Skip Pay dates only the order (sent at once)", () => {
    const app = sandboxApp(
      [{ code: "MUG", name: "Hrnek", unitPrice: 19_900, quantity: 3 }],
      [step.approve(), step.send(undefined, "2026-11-12"), step.deliver([{ code: "MUG", quantity: 1 }])],
    );
    const { order } = contextOf(app);
    expect(order.items.map((i) => i.sentDate)).toEqual([null, null]);
    const [mug] = orderView(order).lines;
    expect(mug!.parts.map((p) => [p.state, p.qty, p.sentDate, p.deliveryDate])).toEqual([
      ["SENT", 2000, "2026-11-12", null],
      ["DELIVERED", 1000, "2026-11-12", "2026-11-14"],
    ]);
    expect(ineligibility(mug!, "cancel")).toEqual({ reason: "sent", date: "2026-11-12" });
  });

  it("knows what remains refundable: the total minus the value of unsent goods", () => {
    const app = sandboxApp(
      [
        { code: "A", name: "A", unitPrice: 100_000 },
        { code: "B", name: "B", unitPrice: 50_000 },
      ],
      [step.approve(), step.send([{ code: "A" }]), step.refund(30_000)],
    );
    const view = orderView(contextOf(app).order);
    expect(view.total).toBe(120_000);
    expect(view.unsentValue).toBe(50_000);
    expect(view.refundable).toBe(70_000);
  });

  it("flags lines Skip Pay could not tell apart, and only those", () => {
    const view = orderView(
      contextOf(
        sandboxApp([
          { code: "TEE", name: "Tričko", unitPrice: 39_900 },
          { code: "TEE", name: "Tričko", unitPrice: 39_900, ean: "859002" },
          { code: "TEE", name: "Tričko L", unitPrice: 39_900 },
          { code: "CAP", name: "Kšiltovka", unitPrice: 19_900 },
        ]),
      ).order,
    );
    const [noEan, withEan, large, cap] = view.lines;
    // {code: TEE, name: Tričko} (no EAN to add) also matches the line that has an EAN.
    expect(noEan!.ambiguousWith).toEqual([withEan!.key]);
    expect(withEan!.ambiguousWith).toEqual([]);
    expect(large!.ambiguousWith).toEqual([]);
    expect(cap!.ambiguousWith).toEqual([]);
  });

  it("spots two identical lines (listed twice in the same state) that no reference can tell apart", () => {
    const app = sandboxApp([
      { code: "TEE", name: "Tričko", unitPrice: 39_900 },
      { code: "TEE", name: "Tričko", unitPrice: 39_900 },
    ]);
    const view = orderView(contextOf(app).order);
    expect(view.lines).toHaveLength(1);
    expect(view.lines[0]!.quantity).toBe(2000);
    expect(view.lines[0]!.ambiguousWith).toEqual([view.lines[0]!.key]);
  });

  it("a line shipped in two goes, delivered on one day, is one line (the order's tracking number is not its parts'): one piece of it can be returned", () => {
    const app = sandboxApp(
      [
        { code: "PAN", name: "Pánev", unitPrice: 189_900, quantity: 2 },
        { code: "TEA", name: "Čaj", unitPrice: 15_900, quantity: 4 },
      ],
      [
        step.approve(),
        // One pan sent with a tracking number; the other delivered straight, on the same day, without one.
        step.send([{ code: "PAN", quantity: 1 }], "2026-12-07", "PPL111"),
        step.deliver(undefined, "2026-12-07"),
      ],
    );
    const ctx = contextOf(app);
    const pan = orderView(ctx.order).lines.find((l) => l.code === "PAN")!;
    expect(pan.delivered).toBe(2000);
    expect(pan.ambiguousWith).toEqual([]);
    const planned = plan(ctx, {
      kind: "return",
      lines: [{ key: pan.key, quantity: 1000 }],
      reason: "customer_request",
      refundOverride: null,
    } as never);
    expect(planned.ok).toBe(true);
    if (!planned.ok) return;
    const after = orderView(contextOf(applyPlan(app, planned.plan)).order).lines.find(
      (l) => l.code === "PAN",
    )!;
    expect(after).toMatchObject({ returned: 1000, delivered: 1000 });
  });
});
