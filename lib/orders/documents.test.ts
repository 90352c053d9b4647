// Documents staff attach: the forms take an optional https:// address, and the plan sends it as the request's
// `document` — an invoice when marking sent, a credit note when returning or refunding.
import { describe, expect, it } from "vitest";
import type { LineSpec } from "@/lib/sandbox/builders";
import { contextOf, sandboxApp, step } from "@/lib/testing/orders";
import { emptyForm } from "./forms/defaults";
import { refundForm } from "./forms/refund";
import { returnForm } from "./forms/return";
import { sendForm } from "./forms/send";
import { orderView } from "./lines";
import type { Intent } from "./plan-types";
import { plan } from "./planner";

const LINES: LineSpec[] = [
  { code: "KETTLE", name: "Konvice", unitPrice: 149_900 },
  { code: "MUG", name: "Hrnek", unitPrice: 19_900, quantity: 3 },
];
const INVOICE = "https://shop.example.cz/faktury/FV-42.pdf";
const CREDIT_NOTE = "https://shop.example.cz/dobropisy/D-17.pdf";

function body(app: ReturnType<typeof sandboxApp>, intent: Intent) {
  const result = plan(contextOf(app), intent);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.plan.body;
}

const keys = (app: ReturnType<typeof sandboxApp>) => orderView(contextOf(app).order).lines.map((l) => l.key);

describe("document addresses in the forms", () => {
  it("takes an https:// address or nothing; anything else is one message", () => {
    const base = { ...emptyForm("refund", [], "2026-11-20"), amount: "100", reason: "goodwill" };
    expect(refundForm.parse({ ...base, documentUrl: "" }).intent.document).toBeNull();
    expect(refundForm.parse({ ...base, documentUrl: `  ${CREDIT_NOTE} ` }).intent.document).toEqual({
      url: CREDIT_NOTE,
    });
    for (const bad of [
      "http://shop.example.cz/d.pdf",
      "shop.example.cz/d.pdf",
      "https://",
      "javascript:alert(1)",
    ]) {
      const parsed = refundForm.safeParse({ ...base, documentUrl: bad });
      expect(parsed.success, bad).toBe(false);
      expect(
        parsed.error?.issues.map((i) => [i.path.join("."), i.message]),
        bad,
      ).toEqual([["documentUrl", "document_url_invalid"]]);
    }
  });
});

describe("the plan sends the document", () => {
  it("marking sent attaches the invoice", () => {
    const app = sandboxApp(LINES, [step.approve()]);
    const form = { ...emptyForm("send", keys(app), "2026-11-20"), everything: true, documentUrl: INVOICE };
    expect(body(app, sendForm.parse(form).intent)).toEqual({
      sentDate: "2026-11-20",
      document: { type: "INVOICE", file: INVOICE },
    });
    const without = { ...form, documentUrl: "" };
    expect(body(app, sendForm.parse(without).intent)).not.toHaveProperty("document");
  });

  it("a return, a full return and an amount-only refund attach the credit note", () => {
    const app = sandboxApp(LINES, [step.approve(), step.send(), step.deliver()]);
    const [kettle] = keys(app);
    const base = {
      ...emptyForm("return", keys(app), "2026-11-20"),
      reason: "customer_request",
      documentUrl: CREDIT_NOTE,
    };
    const partial = returnForm.parse({
      ...base,
      lines: base.lines.map((l) => (l.key === kettle ? { ...l, quantity: "1" } : l)),
    });
    expect(body(app, partial.intent)).toMatchObject({
      items: [{ code: "KETTLE" }],
      document: { type: "CREDIT_NOTE", file: CREDIT_NOTE },
    });
    // Everything remaining is still the request without items: the document rides along.
    expect(body(app, returnForm.parse({ ...base, everything: true }).intent)).toEqual({
      document: { type: "CREDIT_NOTE", file: CREDIT_NOTE },
    });
    const refund = refundForm.parse({
      ...emptyForm("refund", [], "2026-11-20"),
      amount: "100",
      reason: "goodwill",
      documentUrl: CREDIT_NOTE,
    });
    expect(body(app, refund.intent)).toMatchObject({
      items: [],
      totalPrice: { amount: 10_000 },
      document: { type: "CREDIT_NOTE", file: CREDIT_NOTE },
    });
  });
});
