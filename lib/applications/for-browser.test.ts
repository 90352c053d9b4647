import { describe, expect, it } from "vitest";
import { orderView } from "@/lib/orders/lines";
import type { Intent } from "@/lib/orders/plan-types";
import { plan } from "@/lib/orders/planner";
import { renderApplication } from "@/lib/sandbox/render";
import { sandboxApp, step } from "@/lib/testing/orders";
import { forBrowser } from "./for-browser";

describe("forBrowser", () => {
  const app = sandboxApp(
    [
      { code: "MUG", name: "Hrnek", unitPrice: 19_900, quantity: 5, ean: "859001" },
      { code: "PAN", name: "Pánev", unitPrice: 89_900, quantity: 2 },
      { code: "SHIP", name: "Doprava", unitPrice: 9_900, type: "SHIPPING_FEE" },
    ],
    [
      step.approve(),
      step.send([{ code: "MUG", quantity: 3 }]),
      step.deliver([{ code: "MUG", quantity: 2 }]),
      step.return([{ code: "MUG", quantity: 1 }]),
    ],
  );
  const full = renderApplication(app);
  const light = forBrowser(full);

  it("drops the lines' empty fields and keeps every other one", () => {
    const nulls = full.order.items.flatMap((item) => Object.values(item).filter((v) => v === null));
    expect(nulls.length).toBeGreaterThan(0);
    expect(light.order.items.flatMap((item) => Object.values(item).filter((v) => v === null))).toEqual([]);
    light.order.items.forEach((item, i) => {
      const before = Object.fromEntries(Object.entries(full.order.items[i]!).filter(([, v]) => v !== null));
      expect(item).toEqual(before);
    });
    expect(light.order.items.find((i) => i.code === "MUG")?.ean).toBe("859001");
    expect(light.order.items.filter((i) => i.sentDate).length).toBeGreaterThan(0);
    expect(JSON.stringify(light).length).toBeLessThan(JSON.stringify(full).length);
  });

  it("leaves the order's lines, quantities and money as they were", () => {
    expect({ ...light, order: { ...light.order, items: [] } }).toEqual({
      ...full,
      order: { ...full.order, items: [] },
    });
    expect(orderView(light.order)).toEqual(orderView(full.order));
  });

  it("plans the same operation, to the same request body (or the same refusal), on either", () => {
    const mug = orderView(full.order).lines.find((l) => l.code === "MUG")!;
    const intents: Intent[] = [
      { kind: "return", lines: [{ key: mug.key, quantity: 1000 }], refundOverride: null },
      { kind: "return-all", refundOverride: null },
      { kind: "refund", amount: 10_000 },
    ];
    for (const intent of intents) {
      expect(plan({ application: light, order: light.order }, intent)).toEqual(
        plan({ application: full, order: full.order }, intent),
      );
    }
    expect(plan({ application: light, order: light.order }, intents[0]!).ok).toBe(true);
  });
});
