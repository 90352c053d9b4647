import { describe, expect, it } from "vitest";
import type { LineSpec } from "@/lib/sandbox/builders";
import type { SandboxApplication } from "@/lib/sandbox/model";
import { renderApplication } from "@/lib/sandbox/render";
import type { FinancingType } from "@/lib/skippay/schemas";
import { applyPlan, contextOf, sandboxApp, step } from "@/lib/testing/orders";
import { customerMessage, factsOf } from "./customer-message";
import { orderView } from "./lines";
import type { Intent } from "./plan-types";
import { plan } from "./planner";

const LINES: LineSpec[] = [
  { code: "KETTLE", name: "Konvice", unitPrice: 149_900 },
  { code: "MUG", name: "Hrnek", unitPrice: 19_900, quantity: 3 },
];

/** Plans the intent, lets the simulated Skip Pay apply it, and writes the customer's message for what it did. */
function messageAfter(app: SandboxApplication, intent: (keys: Record<string, string>) => Intent) {
  const keys = Object.fromEntries(orderView(contextOf(app).order).lines.map((l) => [l.code, l.key]));
  const result = plan(contextOf(app), intent(keys));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const after = renderApplication(applyPlan(app, result.plan));
  // Amounts are formatted with the locale's (narrow) no-break spaces; compare them as plain spaces.
  const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
  return {
    cs: plain(customerMessage("cs", factsOf(result.plan, after, app.state))),
    en: plain(customerMessage("en", factsOf(result.plan, after, app.state))),
    number: after.order.number,
  };
}

const ready = (type: FinancingType) => sandboxApp(LINES, [step.approve()], type);
const delivered = (type: FinancingType) =>
  sandboxApp(LINES, [step.approve(), step.send(), step.deliver()], type);

describe("customer message", () => {
  it("a partial cancel names the items, the drop and the new total, and how pay-later continues", () => {
    const m = messageAfter(ready("DEFERRED_PAYMENT"), (k) => ({
      kind: "cancel",
      lines: [{ key: k.MUG!, quantity: 2000 }],
    }));
    expect(m.en).toContain(`before shipping we cancelled from your order ${m.number}: 2× Hrnek.`);
    expect(m.en).toContain("drops by CZK 398.00 to CZK 1,698.00.");
    expect(m.en).toContain("You pay the new amount to Skip Pay by the due date on your invoice.");
    expect(m.en).not.toContain("instalments");
    expect(m.cs).toContain(`z vaší objednávky ${m.number} stornovali: 2× Hrnek.`);
    expect(m.cs).toMatch(/se snižuje o 398,00\s?Kč na 1 698,00\s?Kč\./);
    expect(m.cs).toContain("do data splatnosti uvedeného na vaší faktuře");
    expect(m.en.startsWith("Hello,\n\n")).toBe(true);
    expect(m.cs.startsWith("Dobrý den,\n\n")).toBe(true);
    expect(m.en.endsWith("\n\nKind regards")).toBe(true);
    expect(m.cs.endsWith("\n\nS pozdravem")).toBe(true);
  });

  it("signs off with the shop's name under the closing when it is given (the e-mail's)", () => {
    const app = delivered("DEFERRED_PAYMENT");
    const result = plan(contextOf(app), { kind: "refund", amount: 25_000 } as Intent);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const facts = factsOf(result.plan, renderApplication(applyPlan(app, result.plan)), app.state);
    expect(customerMessage("cs", facts, "Vařečka").endsWith("\n\nS pozdravem\nVařečka")).toBe(true);
    expect(customerMessage("en", facts, " Vařečka ").endsWith("\n\nKind regards\nVařečka")).toBe(true);
    expect(customerMessage("cs", facts, "  ").endsWith("\n\nS pozdravem")).toBe(true);
  });

  it("an order change says the new amount, and that anything paid above it comes back", () => {
    const m = messageAfter(ready("DEFERRED_PAYMENT"), (k) => ({
      kind: "change-order",
      lines: [{ key: k.MUG!, quantity: 1000, unitPrice: null, remove: false }],
      added: [],
      reason: "Customer request",
    }));
    expect(m.en).toContain(
      `we have changed your order ${m.number} before shipping. The amount you pay through Skip Pay is now CZK 1,698.00.`,
    );
    expect(m.en).toContain("Skip Pay will return the difference to you.");
    expect(m.cs).toMatch(
      /objednávku .* jsme před odesláním upravili\. Částka, kterou platíte přes Skip Pay, je nyní 1 698,00\s?Kč\./,
    );
  });

  it("pay-in-three tells the customer the remaining instalments change, in both languages", () => {
    const m = messageAfter(delivered("PAY_IN_THREE"), (k) => ({
      kind: "return",
      lines: [{ key: k.MUG!, quantity: 1000 }],
      refundOverride: null,
    }));
    expect(m.en).toContain(`received the goods you returned from order ${m.number}: 1× Hrnek.`);
    expect(m.en).toContain("drops by CZK 199.00 to CZK 1,897.00.");
    expect(m.en).toContain("Skip Pay adjusts the instalments you still have to pay to the new amount.");
    expect(m.en).not.toContain("due date");
    expect(m.cs).toContain("upraví splátky, které ještě zbývá zaplatit");
    expect(m.cs).not.toContain("splatnosti");
  });

  it("cancelling everything says the customer owes nothing, whatever the financing type", () => {
    for (const type of ["DEFERRED_PAYMENT", "PAY_IN_THREE"] as const) {
      const m = messageAfter(ready(type), () => ({ kind: "cancel-all" }));
      expect(m.en).toContain(`we have cancelled your order ${m.number} before it was shipped.`);
      expect(m.en).toContain(`You owe Skip Pay nothing more for order ${m.number}.`);
      expect(m.en).not.toMatch(/instalments|due date/);
      expect(m.cs).toContain(`už společnosti Skip Pay nic nedlužíte`);
    }
  });

  it("an amount-only refund states the refund and the new total", () => {
    const m = messageAfter(delivered("DEFERRED_PAYMENT"), () => ({ kind: "refund", amount: 25_000 }));
    // Pay later: what shrinks is what the customer owes; nothing says money "came back" unless they paid more.
    expect(m.en).toContain(`we have lowered the amount for your order ${m.number} by CZK 250.00.`);
    expect(m.en).toContain("drops by CZK 250.00 to CZK 1,846.00.");
    expect(m.en).not.toMatch(/refunded|returned to you/);
    expect(m.cs).toMatch(/jsme vám snížili o 250,00\s?Kč\./);
    expect(m.cs).not.toContain("vrátili");
  });

  it("a return after the whole total was refunded says the amount stays", () => {
    const app = sandboxApp(
      LINES,
      [step.approve(), step.send(), step.deliver(), step.refund(209_600)],
      "PAY_IN_THREE",
    );
    const m = messageAfter(app, (k) => ({
      kind: "return",
      lines: [{ key: k.MUG!, quantity: 1000 }],
      refundOverride: null,
    }));
    expect(m.en).toContain("The amount you pay through Skip Pay stays at CZK 0.00.");
    expect(m.en).not.toContain("drops by");
    expect(m.cs).toMatch(/zůstává 0,00\s?Kč\./);
  });

  it("a full return leaves nothing to pay", () => {
    const m = messageAfter(delivered("PAY_IN_THREE"), () => ({ kind: "return-all", refundOverride: null }));
    expect(m.en).toContain(`we have received everything you returned from order ${m.number}.`);
    expect(m.en).toContain("drops by CZK 2,096.00 to CZK 0.00.");
    expect(m.en).toContain("You owe Skip Pay nothing more");
    expect(m.en).not.toContain("instalments");
  });

  it("shipping names the carrier as customers know it and the tracking number", () => {
    const m = messageAfter(ready("DEFERRED_PAYMENT"), () => ({
      kind: "send",
      lines: null,
      sentDate: null,
      carrier: "CZ_POST_HAND",
      trackingNumber: "DR1234567CZ",
      variableSymbol: null,
    }));
    // Which items went, as a shipment may be part of the order.
    expect(m.en).toContain(
      `we have sent from your order ${m.number} (Czech Post DR1234567CZ): 1× Konvice, 3× Hrnek.`,
    );
    expect(m.cs).toContain(
      `z vaší objednávky ${m.number} jsme odeslali (Česká pošta DR1234567CZ): 1× Konvice`,
    );
  });

  it("with nothing left to pay, no sentence speaks of a new amount paid above", () => {
    const cases = [
      messageAfter(ready("DEFERRED_PAYMENT"), () => ({ kind: "cancel-all" })),
      messageAfter(ready("PAY_IN_THREE"), () => ({
        kind: "cancel-application",
        reason: "APPLICATION_CANCELLED_BY_CUSTOMER",
        customReason: null,
      })),
      messageAfter(delivered("PAY_IN_THREE"), () => ({ kind: "return-all", refundOverride: null })),
    ];
    for (const m of cases) {
      expect(m.en).not.toContain("new amount");
      expect(m.en).toContain(
        "If you have already paid Skip Pay anything for it, Skip Pay will return it to you.",
      );
      expect(m.cs).toContain("Pokud jste společnosti Skip Pay už něco zaplatili, vrátí vám to.");
    }
  });

  it("cancelling an application that only awaited the customer says nothing of paying back", () => {
    const m = messageAfter(sandboxApp(LINES, [], "DEFERRED_PAYMENT"), () => ({
      kind: "cancel-application",
      reason: "APPLICATION_CANCELLED_BY_CUSTOMER",
      customReason: null,
    }));
    expect(m.en).toContain(`we have cancelled the Skip Pay financing request for your order ${m.number}.`);
    expect(m.en).toContain("You owe Skip Pay nothing.");
    expect(m.en).not.toMatch(/paid more|difference/);
    expect(m.cs).not.toContain("rozdíl");
  });
});
