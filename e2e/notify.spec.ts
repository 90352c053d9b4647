// Notify the customer: after a refund, "Send to the customer" e-mails the message in the customer's language to
// the application's customer — exactly one message in the sandbox's outbox, whatever is clicked — and the
// operation's timeline entry says it was sent.
import type { Page } from "@playwright/test";
import { formatMoney } from "@/lib/orders/money";
import { buildApplicationRequest } from "@/lib/sandbox/builders";
import { callAction } from "./actions";
import { expect, LINES, openApplication, refund, type Sandbox, test } from "./fixtures";

// Each test is a whole flow — a refund, sending, the timeline after a reload, and the outbox page.
test.describe.configure({ timeout: 90_000 });

/** A delivered pay-in-three order of an English-speaking customer (a billing address in the UK). */
async function englishCustomerOrder(sandbox: Sandbox, baseURL: string) {
  const orderNumber =
    `E2E-EN-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
  const request = buildApplicationRequest({
    orderNumber,
    type: "PAY_IN_THREE",
    lines: LINES,
    customer: {
      firstName: "Oliver",
      lastName: "Bennett",
      email: "oliver.bennett@example.co.uk",
      phone: "+447700900123",
    },
    notificationEndpoint: `${baseURL}/api/skippay/notifications`,
  });
  request.order.addresses = [
    {
      name: "Oliver Bennett",
      country: "GB",
      city: "London",
      streetAddress: "Baker Street",
      streetNumber: "221B",
      zip: "NW1 6XE",
      addressType: "BILLING",
    },
  ];
  const created = await sandbox.call("POST", "/financing/v1/applications", request);
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  await sandbox.call("POST", `/control/applications/${id}/approve`);
  await sandbox.call("PUT", `/financing/v1/applications/${id}/order/send`, { sentDate: "2026-11-12" });
  await sandbox.call("PUT", `/financing/v1/applications/${id}/order/deliver`, { deliveryDate: "2026-11-14" });
  return { id, orderNumber };
}

/** The outbox's messages about one order. */
async function outbox(page: Page, orderNumber: string) {
  await page.goto("/outbox");
  await expect(page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: orderNumber }) });
}

async function journal(page: Page, id: string) {
  const response = await page.request.get(`/api/applications/${id}/journal`);
  expect(response.ok()).toBe(true);
  return (await response.json()) as {
    entries: { id: string; intent: string }[];
    emails: { operationId: string; status: string; attempt: number }[];
  };
}

test("pay later, Czech customer: one e-mail in Czech with the refund, whatever is clicked; the timeline says sent", async ({
  page,
  sandbox,
}) => {
  const { id, orderNumber } = await sandbox.create("delivered");
  await openApplication(page, id);
  await refund(page, "250");
  await expect(page.getByRole("status").filter({ hasText: "Done: the customer owes" })).toBeVisible();
  const message = page.getByRole("region", { name: "What changes for the customer" });
  // No address in another country: the customer reads Czech.
  await expect(message.getByRole("radio", { name: "Czech" })).toBeChecked();
  await expect(message).toContainText("By e-mail to jana.novakova@example.cz");
  await message.getByRole("button", { name: "Send to the customer" }).dblclick();
  await expect(message).toContainText("Sent to jana.novakova@example.cz");
  await expect(message.getByRole("button", { name: /Send to the customer/ })).toHaveCount(0);

  // Asked again directly (another tab, a retry): the server sends nothing more.
  const { entries, emails } = await journal(page, id);
  const operationId = entries.find((e) => e.intent === "refund")?.id as string;
  expect(emails).toEqual([expect.objectContaining({ operationId, status: "sent", attempt: 1 })]);
  const again = await callAction(page.request, "notifyCustomer", {
    applicationId: id,
    operationId,
    language: "cs",
  });
  expect(again.result).toMatchObject({ ok: true, already: true, email: { status: "sent" } });

  // The timeline's entry: sent, to whom, by whom, and the text.
  await page.reload();
  const entry = page.getByRole("listitem", { name: "Amount-only refund — Done" });
  const record = entry.getByTestId("customer-email-record");
  await expect(record).toContainText("Sent");
  await expect(record).toContainText("To jana.novakova@example.cz");
  await record.getByText("What was sent").click();
  await expect(record).toContainText(`Vaše objednávka ${orderNumber} – co se změnilo`);

  const mails = await outbox(page, orderNumber);
  await expect(mails).toHaveCount(1);
  await expect(mails).toContainText("jana.novakova@example.cz");
  await expect(mails.getByRole("heading")).toHaveText(`Vaše objednávka ${orderNumber} – co se změnilo`);
  await expect(mails).toContainText(
    `částku za objednávku ${orderNumber} jsme vám snížili o ${formatMoney(25_000, "cs")}`,
  );
  await expect(mails).toContainText("Novou částku zaplatíte společnosti Skip Pay do data splatnosti");
});

test("pay in three, English customer: one e-mail in English about the instalments", async ({
  page,
  sandbox,
  baseURL,
}) => {
  const { id, orderNumber } = await englishCustomerOrder(sandbox, baseURL as string);
  await openApplication(page, id);
  await refund(page, "100");
  const message = page.getByRole("region", { name: "What changes for the customer" });
  // A billing address in the UK: the customer reads English.
  await expect(message.getByRole("radio", { name: "English" })).toBeChecked();
  await message.getByRole("button", { name: "Send to the customer" }).click();
  await expect(message).toContainText("Sent to oliver.bennett@example.co.uk");

  const mails = await outbox(page, orderNumber);
  await expect(mails).toHaveCount(1);
  await expect(mails.getByRole("heading")).toHaveText(`Your order ${orderNumber} – what has changed`);
  await expect(mails).toContainText(
    `we have lowered the amount for your order ${orderNumber} by ${formatMoney(10_000, "en")}`,
  );
  await expect(mails).toContainText(
    "Skip Pay adjusts the instalments you still have to pay to the new amount.",
  );
  await expect(mails).not.toContainText("due date");

  await openApplication(page, id);
  await expect(
    page.getByRole("listitem", { name: "Amount-only refund — Done" }).getByTestId("customer-email-record"),
  ).toContainText("Sent");
});
