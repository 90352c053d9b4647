// Documents on the order page: staff attach the invoice's address when marking sent and the credit note's when
// refunding; Skip Pay receives it as the request's `document`, and the order page lists the order's documents.
import { chooseReason, expect, openApplication, requestBody, test } from "./fixtures";

const INVOICE = "https://shop.example.cz/faktury/FV-2026-0042.pdf";
const CREDIT_NOTE = "https://shop.example.cz/dobropisy/D-2026-0017.pdf";

test("the invoice given when marking sent and a refund's credit note are listed with the order", async ({
  page,
  sandbox,
}) => {
  test.setTimeout(60_000);
  const { id } = await sandbox.create("ready");
  await openApplication(page, id);
  const documents = page.getByRole("region", { name: "Documents" });
  await expect(documents).toContainText("No invoice or credit note is attached to this order at Skip Pay.");

  await page.getByRole("radio", { name: /Shipped — mark sent/ }).check();
  await page.getByRole("checkbox", { name: "Mark everything unsent as sent" }).check();
  const invoice = page.getByRole("textbox", { name: "Invoice address (optional)" });
  await invoice.fill("http://shop.example.cz/f.pdf");
  await expect(page.getByText("Enter the document's full address, starting with https://.")).toBeVisible();
  await invoice.fill(INVOICE);
  await expect(page.getByText("Enter the document's full address, starting with https://.")).toBeHidden();
  await page.getByRole("button", { name: "Review shipment" }).click();
  let dialog = page.getByRole("dialog");
  await expect(await requestBody(dialog)).toContainText(`"file": "${INVOICE}"`);
  await dialog.getByRole("button", { name: /Mark 5 items sent/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Marked 5 items sent" })).toBeVisible();
  await expect(documents.getByRole("link", { name: "FV-2026-0042.pdf" })).toHaveAttribute("href", INVOICE);
  await expect(documents).toContainText("Invoice: FV-2026-0042.pdf");

  await page.getByRole("radio", { name: /Money only — refund amount/ }).check();
  await page.getByRole("textbox", { name: "Amount to refund" }).fill("100");
  await page.getByRole("textbox", { name: "Credit note address (optional)" }).fill(CREDIT_NOTE);
  await chooseReason(page, "Goodwill gesture");
  await page.getByRole("button", { name: "Review refund" }).click();
  dialog = page.getByRole("dialog");
  await expect(await requestBody(dialog)).toContainText('"type": "CREDIT_NOTE"');
  await dialog.getByRole("button", { name: /^Refund / }).click();
  await expect(documents.getByRole("listitem")).toHaveCount(2);
  await expect(documents.getByRole("listitem").nth(1)).toContainText("Credit note: D-2026-0017.pdf");
  const app = await sandbox.application(id);
  expect(app.order.documents.map((d: { type: string }) => d.type)).toEqual(["INVOICE", "CREDIT_NOTE"]);
});
