// Documents through the client against the running sandbox, over real HTTP: the plan's `document` goes out with
// order/send and order/return (checked against the spec's request schemas), and the order reads back with its
// documents, typed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyForm } from "@/lib/orders/forms/defaults";
import { refundForm } from "@/lib/orders/forms/refund";
import { sendForm } from "@/lib/orders/forms/send";
import { orderView } from "@/lib/orders/lines";
import type { Intent } from "@/lib/orders/plan-types";
import { plan } from "@/lib/orders/planner";
import { buildApplicationRequest } from "@/lib/sandbox/builders";
import { loadSpecValidator } from "@/lib/testing/openapi";
import { type SandboxServer, startSandboxServer } from "@/lib/testing/sandbox-server";
import type { SkipPayClient } from "./client";
import type { ApplicationResponse } from "./schemas";

let server: SandboxServer;
let client: SkipPayClient;
const spec = loadSpecValidator();

function planFor(app: ApplicationResponse, intent: Intent) {
  const result = plan({ order: app.order, application: app }, intent);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.plan;
}

beforeAll(async () => {
  server = await startSandboxServer();
  client = server.client();
});

afterAll(async () => {
  await server?.close();
});

describe("documents", () => {
  it("sends the invoice with order/send and the credit note with a refund; the order lists both", async () => {
    const created = await client.createApplication(
      buildApplicationRequest({
        orderNumber: "DC-1",
        lines: [{ code: "KETTLE", name: "Konvice", unitPrice: 149_900 }],
      }),
    );
    if (!created.ok) throw new Error(created.error.message);
    const id = created.value.id;
    const approved = await client.sandbox.approve(id);
    if (!approved.ok) throw new Error(approved.error.message);

    const keys = orderView(approved.value.order).lines.map((l) => l.key);
    const send = planFor(
      approved.value,
      sendForm.parse({
        ...emptyForm("send", keys, "2026-11-12"),
        everything: true,
        documentUrl: "https://shop.example.cz/faktury/FV-1.pdf",
      }).intent,
    );
    if (send.operation !== "order/send") throw new Error(send.operation);
    expect(spec.problems("OrderItemsSendRequest", send.body)).toEqual([]);
    const sent = await client.sendOrderItems(id, send.body);
    expect(sent.ok && sent.value.documents).toEqual([
      {
        type: "INVOICE",
        file: { filename: "FV-1.pdf", url: "https://shop.example.cz/faktury/FV-1.pdf" },
        description: null,
        extraData: { variableSymbol: null },
      },
    ]);
    await client.deliverOrderItems(id, {});

    const now = await client.getApplication(id);
    if (!now.ok) throw new Error(now.error.message);
    const refund = planFor(
      now.value,
      refundForm.parse({
        ...emptyForm("refund", [], "2026-11-20"),
        amount: "100",
        reason: "goodwill",
        documentUrl: "https://shop.example.cz/dobropisy/D-1.pdf",
      }).intent,
    );
    if (refund.operation !== "order/return") throw new Error(refund.operation);
    expect(spec.problems("OrderItemsReturnRequest", refund.body)).toEqual([]);
    expect((await client.returnOrderItems(id, refund.body)).ok).toBe(true);

    const read = await client.getApplication(id);
    expect(read.ok && read.value.order.documents?.map((d) => [d.type, d.file.filename])).toEqual([
      ["INVOICE", "FV-1.pdf"],
      ["CREDIT_NOTE", "D-1.pdf"],
    ]);
  });

  it("a document the spec does not allow is invalid_request naming it, applied no", async () => {
    const created = await client.createApplication(
      buildApplicationRequest({
        orderNumber: "DC-2",
        lines: [{ code: "KETTLE", name: "Konvice", unitPrice: 149_900 }],
      }),
    );
    if (!created.ok) throw new Error(created.error.message);
    await client.sandbox.approve(created.value.id);
    const refused = await client.sendOrderItems(created.value.id, {
      document: { type: "INVOICE", file: "ftp://shop.example.cz/f.pdf" },
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { kind: "invalid_request", applied: "no", attribute: "document.file" },
    });
  });
});
