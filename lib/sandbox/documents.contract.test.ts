// Documents over real HTTP with a real database: order/send, order/deliver and order/return take an optional
// `document` (DocumentRequest), validated per the spec, kept, and listed in the order's `documents`
// (DocumentResponse). Requests and responses are checked against the official spec.
import { describe, expect, it } from "vitest";
import { sandboxContract } from "@/lib/testing/sandbox-contract";
import { buildApplicationRequest, type LineSpec } from "./builders";

const { call, conforms } = sandboxContract();
let seq = 0;

const LINES: LineSpec[] = [
  { code: "KETTLE", name: "Rychlovarná konvice", unitPrice: 149_900 },
  { code: "MUG", name: "Hrnek", unitPrice: 19_900, quantity: 3 },
];

async function createReady(): Promise<string> {
  seq += 1;
  const created = await call(
    "POST",
    "/financing/v1/applications",
    buildApplicationRequest({ orderNumber: `DOC-${seq}`, lines: LINES }),
  );
  expect(created.status).toBe(201);
  await call("POST", `/control/applications/${created.body.id}/approve`, {});
  return created.body.id;
}

async function operation(id: string, op: "send" | "deliver" | "return", body: Record<string, unknown>) {
  const schema = {
    send: "OrderItemsSendRequest",
    deliver: "OrderItemsDeliverRequest",
    return: "OrderItemsReturnRequest",
  }[op];
  const reply = await call("PUT", `/financing/v1/applications/${id}/order/${op}`, body);
  if (reply.status === 200) {
    conforms(schema, body);
    conforms("OrderExtendedResponse", reply.body);
  }
  return reply;
}

const INVOICE = {
  type: "INVOICE",
  file: "https://shop.example.cz/faktury/FV-2026-0042.pdf",
  description: "Faktura FV-2026-0042",
  extraData: { variableSymbol: "2026004200" },
};

describe("documents attached by order operations", () => {
  it("keeps the invoice given when marking sent and the credit notes of a return and a refund, in order", async () => {
    const id = await createReady();
    const sent = await operation(id, "send", { document: INVOICE });
    expect(sent.status).toBe(200);
    expect(sent.body.documents).toEqual([
      {
        type: "INVOICE",
        file: { filename: "FV-2026-0042.pdf", url: INVOICE.file },
        description: "Faktura FV-2026-0042",
        extraData: { variableSymbol: "2026004200" },
      },
    ]);
    expect((await operation(id, "deliver", {})).status).toBe(200);
    const returned = await operation(id, "return", {
      items: [{ code: "MUG", quantity: 1 }],
      document: { type: "CREDIT_NOTE", file: "https://shop.example.cz/dobropisy/D-17.pdf" },
    });
    expect(returned.status).toBe(200);
    const refunded = await operation(id, "return", {
      items: [],
      totalPrice: { amount: 5_000, currency: "CZK" },
      document: {
        type: "CREDIT_NOTE",
        file: "https://shop.example.cz/dobropisy/D-18.pdf",
        description: null,
      },
    });
    expect(refunded.status).toBe(200);

    const app = await call("GET", `/financing/v1/applications/${id}`);
    conforms("ApplicationResponse", app.body);
    expect(app.body.order.documents.map((d: any) => [d.type, d.file.filename])).toEqual([
      ["INVOICE", "FV-2026-0042.pdf"],
      ["CREDIT_NOTE", "D-17.pdf"],
      ["CREDIT_NOTE", "D-18.pdf"],
    ]);
    const found = await call("GET", `/financing/v1/orders?applicationId=${id}`);
    expect(found.body.documents).toHaveLength(3);
  });

  it("takes a file as base64 content too, and gives it back as a data: URL", async () => {
    const id = await createReady();
    const content = Buffer.from("%PDF-1.4 faktura").toString("base64");
    const sent = await operation(id, "send", { document: { type: "PROFORMA_INVOICE", file: content } });
    expect(sent.status).toBe(200);
    expect(sent.body.documents[0]).toMatchObject({
      type: "PROFORMA_INVOICE",
      file: { filename: "proforma_invoice-1", url: `data:application/octet-stream;base64,${content}` },
    });
  });

  it("refuses documents the spec does not allow, naming the attribute, and keeps nothing", async () => {
    const id = await createReady();
    for (const [document, attribute] of [
      [{ type: "RECEIPT", file: INVOICE.file }, "document.type"],
      [{ type: "INVOICE" }, "document.file"],
      [{ type: "INVOICE", file: "ftp://shop.example.cz/f.pdf" }, "document.file"],
      [{ type: "INVOICE", file: "not a file!" }, "document.file"],
      [
        { type: "INVOICE", file: INVOICE.file, extraData: { variableSymbol: "VS-12" } },
        "document.extraData.variableSymbol",
      ],
    ] as const) {
      const reply = await call("PUT", `/financing/v1/applications/${id}/order/send`, { document });
      expect(reply.status, JSON.stringify(document)).toBe(400);
      expect(reply.body.errors[0]).toMatchObject({ code: "INVALID_REQUEST", attribute });
    }
    // A refused operation keeps no document either.
    const refused = await call("PUT", `/financing/v1/applications/${id}/order/return`, {
      items: [],
      totalPrice: { amount: 1_000, currency: "CZK" },
      document: { type: "CREDIT_NOTE", file: INVOICE.file },
    });
    expect(refused.status).toBe(422);
    expect((await call("GET", `/financing/v1/applications/${id}`)).body.order.documents).toEqual([]);
  });
});
