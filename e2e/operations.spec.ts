import type { Page } from "@playwright/test";
import { chooseReason, expect, LINES, openApplication, requestBody, TOTAL, test } from "./fixtures";

async function setQuantity(
  page: Page,
  verb: "cancel" | "return" | "mark sent" | "mark delivered",
  name: string,
  quantity: string,
) {
  await page.getByRole("spinbutton", { name: `Quantity of ${name} to ${verb}` }).fill(quantity);
}

/** Opens the confirmation; `reason` is chosen first for the operations that take one. */
async function review(page: Page, button: string, reason?: string) {
  if (reason) await chooseReason(page, reason);
  await page.getByRole("button", { name: button }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  return dialog;
}

const czk = (minor: number) =>
  new Intl.NumberFormat("en-GB", { style: "currency", currency: "CZK" }).format(minor / 100);

test("partial cancel with quantities: 2 of 3 mugs, the rest stays", async ({ page, sandbox }) => {
  const { id } = await sandbox.create("ready");
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Not shipped — cancel/ }).check();
  await setQuantity(page, "cancel", "Hrnek smaltovaný", "2");
  await expect(page.getByRole("complementary").getByTestId("plan-new-total")).toContainText(
    czk(TOTAL - 2 * 19_900),
  );
  const dialog = await review(page, "Review cancellation", "Out of stock");
  await expect(await requestBody(dialog)).toHaveText(/"quantity": 2/);
  // The VAT leaving the order, per rate: 2 × 199 Kč at 21 % holds 69,07 Kč.
  const vat = dialog.getByRole("table", { name: "Cancelled goods by VAT rate" });
  await expect(vat.getByRole("row")).toHaveText([
    "VAT rateCancelledof which VAT",
    `21 %${czk(39_800)}${czk(6_907)}`,
  ]);
  const vatBefore = (await sandbox.application(id)).order.totalVat;
  await dialog.getByRole("button", { name: "Confirm cancellation of 2 items" }).click();
  const result = page.getByRole("status").filter({ hasText: "Cancelled 2 items." });
  await expect(result).toContainText("application Ready · Ready to ship");
  await expect(page.getByTestId("current-total")).toHaveText(czk(TOTAL - 39_800));
  await expect(page.getByRole("row", { name: /Hrnek smaltovaný/ })).toContainText("2× Cancelled");
  // Ground truth from Skip Pay (the sandbox), not from the UI.
  const app = await sandbox.application(id);
  expect(app.order.totalPrice.amount).toBe(TOTAL - 39_800);
  expect(
    app.order.items
      .filter((i: { code: string }) => i.code === "MUG")
      .map((i: { state: string; quantity: number }) => [i.state, i.quantity]),
  ).toEqual([
    ["PROCESSING", 1],
    ["CANCELLED", 2],
  ]);
  const at21 = (v: { vatRate: number; amount: number }[]) => v.find((x) => x.vatRate === 21)!.amount;
  expect(at21(vatBefore) - at21(app.order.totalVat)).toBe(6_907);
});

test("cancel everything remaining sends the empty body and ends the application CANCELLED_NOT_PAID", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("ready");
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Not shipped — cancel/ }).check();
  await page
    .getByRole("checkbox", { name: /Cancel all unsent/ })
    .first()
    .check();
  const dialog = await review(page, "Review cancellation", "Customer asked");
  await expect(dialog).toContainText("Skip Pay receives the empty request {}");
  await expect(await requestBody(dialog)).toHaveText("{}");
  await dialog.getByRole("button", { name: "Confirm cancellation of 5 items" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Cancelled" })).toContainText(
    "application Cancelled · Cancelled, not paid",
  );
  const app = await sandbox.application(id);
  expect([app.state, app.stateReason, app.order.totalPrice.amount]).toEqual([
    "CANCELLED",
    "CANCELLED_NOT_PAID",
    0,
  ]);
});

test("partial return with quantities and an amount override", async ({ page, sandbox }) => {
  const { id } = await sandbox.create("delivered");
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Came back — return/ }).check();
  await setQuantity(page, "return", "Hrnek smaltovaný", "2");
  await page.getByRole("textbox", { name: "Refund a different amount (optional)" }).fill("350");
  await expect(page.getByRole("complementary").getByTestId("plan-refund")).toHaveText(czk(35_000));
  const dialog = await review(page, "Review return", "Damaged or faulty");
  await expect(dialog).toContainText("less than the returned items are worth");
  await expect(await requestBody(dialog)).toHaveText(/"amount": 35000/);
  await dialog.getByRole("button", { name: `Return 2 items and refund ${czk(35_000)}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Returned 2 items" })).toContainText(
    `the customer owes ${czk(35_000)} less`,
  );
  // Skip Pay dates no return; the badge takes the day from this admin's journal.
  const today = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Prague",
    day: "numeric",
    month: "short",
  });
  await expect(page.getByRole("row", { name: /Hrnek smaltovaný/ })).toContainText(
    `2× Returned ${today.format(new Date())}`,
  );
  const app = await sandbox.application(id);
  expect(app.order.totalPrice.amount).toBe(TOTAL - 35_000);
  expect(app.stateReason).toBe("READY_DELIVERED");
});

test("amount-only refund: every state stays, the total drops", async ({ page, sandbox }) => {
  const { id } = await sandbox.create("delivered");
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Money only — refund amount/ }).check();
  await page.getByRole("textbox", { name: "Amount to refund" }).fill("1 234,50");
  const dialog = await review(page, "Review refund", "Price adjustment");
  await expect(await requestBody(dialog)).toHaveText(/"items": \[\]/);
  await expect(dialog).toContainText("(unchanged)");
  await dialog.getByRole("button", { name: `Refund ${czk(123_450)}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "the customer owes" })).toContainText(
    "application Ready · Delivered; order Delivered",
  );
  await expect(page.getByTestId("current-total")).toHaveText(czk(TOTAL - 123_450));
  const app = await sandbox.application(id);
  expect([app.state, app.stateReason, app.order.state, app.order.totalPrice.amount]).toEqual([
    "READY",
    "READY_DELIVERED",
    "DELIVERED",
    TOTAL - 123_450,
  ]);
});

test("full return: the order becomes RETURNED and the application CANCELLED_RETURNED", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered");
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Came back — return/ }).check();
  await page.getByRole("checkbox", { name: "Return everything remaining" }).check();
  const dialog = await review(page, "Review return", "Customer asked");
  await expect(await requestBody(dialog)).toHaveText("{}");
  await dialog.getByRole("button", { name: `Return everything and refund ${czk(TOTAL)}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Returned" })).toContainText(
    "application Cancelled · Cancelled, returned; order Returned",
  );
  const app = await sandbox.application(id);
  expect([app.state, app.stateReason, app.order.state, app.order.totalPrice.amount]).toEqual([
    "CANCELLED",
    "CANCELLED_RETURNED",
    "RETURNED",
    0,
  ]);
});

test("forbidden actions explain themselves: a sent line cannot be cancelled, a delivered order has nothing to cancel", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("ready");
  await sandbox.call("PUT", `/financing/v1/applications/${id}/order/send`, {
    items: [{ code: "KETTLE" }],
    sentDate: "2026-11-12",
  });
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Not shipped — cancel/ }).check();
  await expect(page.getByRole("row", { name: /Rychlovarná konvice/ })).toContainText(
    "Already sent 12 Nov — use Return",
  );
  await expect(
    page.getByRole("spinbutton", { name: "Quantity of Rychlovarná konvice to cancel" }),
  ).toHaveCount(0);

  const delivered = await sandbox.create("delivered");
  await openApplication(page, delivered.id);
  await expect(page.getByRole("radio", { name: /Not shipped — cancel/ })).toBeDisabled();
  await expect(page.getByText("Nothing is left unsent.")).toHaveCount(2);
  await expect(page.getByRole("radio", { name: /Cancel the whole application/ })).toBeDisabled();
});

test("a refund above what remains is refused before anything is sent", async ({ page, sandbox }) => {
  const { id } = await sandbox.create("delivered");
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Money only — refund amount/ }).check();
  await page.getByRole("textbox", { name: "Amount to refund" }).fill(String(TOTAL / 100 + 1));
  await expect(page.getByText(`At most ${czk(TOTAL)} can still be refunded on this order.`)).toBeVisible();
  await page.getByRole("button", { name: "Review refund" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  expect((await sandbox.events(id)).filter((e) => e.operation === "order/return")).toHaveLength(0);
});

test("Review confirms exactly what the form holds: nothing or a typo is refused in place, a quantity changed just before the click is the one confirmed", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered");
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Came back — return/ }).check();
  await page.getByRole("button", { name: "Review return" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Choose at least one item and quantity." }),
  ).toBeVisible();
  await expect(page.getByRole("complementary")).toContainText("Choose a reason.");
  await expect(page.getByRole("dialog")).toBeHidden();

  await setQuantity(page, "return", "Hrnek smaltovaný", "1.2345");
  await page.getByRole("button", { name: "Review return" }).click();
  await expect(page.getByRole("row", { name: /Hrnek smaltovaný/ })).toContainText("Use at most 3 decimals.");
  await expect(page.getByRole("dialog")).toBeHidden();
  await chooseReason(page, "Customer asked");

  // One mug is previewed; then two, and "Review" at once.
  await setQuantity(page, "return", "Hrnek smaltovaný", "1");
  await expect(page.getByRole("complementary").getByTestId("plan-refund")).toHaveText(czk(19_900));
  await setQuantity(page, "return", "Hrnek smaltovaný", "2");
  const dialog = await review(page, "Review return");
  await expect(
    dialog.getByRole("button", { name: `Return 2 items and refund ${czk(39_800)}` }),
  ).toBeVisible();
  await expect(await requestBody(dialog)).toHaveText(/"quantity": 2/);
  await dialog.getByRole("button", { name: "Back" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  expect((await sandbox.events(id)).filter((e) => e.operation === "order/return")).toHaveLength(0);
});

test("mark sent with carrier and tracking, then delivered", async ({ page, sandbox }) => {
  const { id } = await sandbox.create("ready");
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Shipped — mark sent/ }).check();
  await page.getByRole("checkbox", { name: "Mark everything unsent as sent" }).check();
  await page.getByRole("combobox", { name: "Carrier" }).fill("PPL");
  await page.getByRole("textbox", { name: "Tracking number" }).fill("PPL123456789");
  // A day that has not come yet is nobody's sent date: refused as typed, and Review opens nothing.
  const sentOn = page.getByLabel("Sent on");
  await sentOn.fill("2030-01-01");
  await sentOn.blur();
  await expect(page.getByRole("complementary")).toContainText("The date cannot be in the future.");
  await page.getByRole("button", { name: "Review shipment" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await sentOn.fill(new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Prague" }).format(new Date()));
  let dialog = await review(page, "Review shipment");
  // Its date and carrier go with it: nothing claims Skip Pay receives an empty request.
  await expect(dialog).toContainText("the request names no items");
  await expect(dialog).not.toContainText("empty request");
  // Shipping moves no money: the total is shown once, unchanged, not struck through.
  await expect(dialog.getByTestId("plan-new-total")).toHaveText(`${czk(TOTAL)} (unchanged)`);
  await dialog.getByRole("button", { name: /Mark 5 items sent/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Marked 5 items sent" })).toContainText("Shipped");
  // Skip Pay's "shipped" says only that something went: here nothing is left to send.
  await expect(page.getByTestId("state-explanation")).toHaveText(
    "Everything is on its way; nothing is left to cancel. Sent items can be returned.",
  );
  await page.getByRole("radio", { name: /Arrived — mark delivered/ }).check();
  await setQuantity(page, "mark delivered", "Rychlovarná konvice", "1");
  dialog = await review(page, "Review delivery");
  await dialog.getByRole("button", { name: /Mark 1 item delivered/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Marked 1 item delivered" })).toBeVisible();
  const app = await sandbox.application(id);
  expect(app.order.deliveryTrackingNumber).toBe("PPL123456789");
  expect(app.stateReason).toBe("READY_SHIPPED");
});

test("an order created without a variable symbol asks for one when it is marked sent, and Skip Pay keeps it", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("ready", LINES, "DEFERRED_PAYMENT", false);
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Shipped — mark sent/ }).check();
  await page.getByRole("checkbox", { name: "Mark everything unsent as sent" }).check();
  const symbol = page.getByRole("textbox", { name: "Variable symbol for the payout" });
  await expect(page.getByRole("complementary")).toContainText("This order has no variable symbol");
  await page.getByRole("button", { name: "Review shipment" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await symbol.fill("12AB");
  await page.getByRole("button", { name: "Review shipment" }).click();
  await expect(page.getByRole("complementary")).toContainText("A variable symbol is 1 to 10 digits.");
  await expect(page.getByRole("dialog")).toBeHidden();
  await symbol.fill("2026000123");
  const dialog = await review(page, "Review shipment");
  await expect(await requestBody(dialog)).toHaveText(/"variableSymbol": "2026000123"/);
  await dialog.getByRole("button", { name: /Mark 5 items sent/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Marked 5 items sent" })).toBeVisible();
  expect((await sandbox.application(id)).order.variableSymbols).toEqual(["2026000123"]);
});

test("after an operation the agent gets the customer's explanation in Czech or English, right for pay-in-three, and copies it", async ({
  page,
  context,
  sandbox,
}) => {
  const { id, orderNumber } = await sandbox.create("delivered", LINES, "PAY_IN_THREE");
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Money only — refund amount/ }).check();
  await page.getByRole("textbox", { name: "Amount to refund" }).fill("500");
  const dialog = await review(page, "Review refund", "Goodwill gesture");
  await dialog.getByRole("button", { name: `Refund ${czk(50_000)}` }).click();
  const section = page.getByRole("region", { name: "What changes for the customer" });
  const message = section.getByRole("textbox", { name: /A message for the customer/ });
  // Czech by default (the shop's customers), whatever the staff member's UI language.
  await expect(section.getByRole("radio", { name: "Czech" })).toBeChecked();
  await expect(message).toHaveValue(
    new RegExp(`částku za objednávku ${orderNumber} jsme vám snížili o 500,00\\sKč\\.`),
  );
  await expect(message).toHaveValue(/upraví splátky, které ještě zbývá zaplatit/);
  await section.getByRole("radio", { name: "English" }).check();
  await expect(message).toHaveValue(
    new RegExp(`we have lowered the amount for your order ${orderNumber} by CZK\\s500\\.00\\.`),
  );
  await expect(message).toHaveValue(/Skip Pay adjusts the instalments you still have to pay/);
  await expect(message).not.toHaveValue(/due date/);
  // The total in the message is Skip Pay's new total.
  expect((await sandbox.application(id)).order.totalPrice.amount).toBe(199_500);
  await expect(message).toHaveValue(/drops by CZK\s500\.00 to CZK\s1,995\.00\./);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await section.getByRole("button", { name: "Copy message" }).click();
  await expect(section.getByText("Copied to the clipboard.")).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await message.inputValue());
});

test("a return on an order with a discount refunds the goods less their share of it, or the full price", async ({
  page,
  sandbox,
}) => {
  // 1,500 + 500 of goods and a 200 discount: the kettle's share is exactly 150.
  const { id } = await sandbox.create("delivered", [
    { code: "KETTLE", name: "Rychlovarná konvice", unitPrice: 150_000 },
    { code: "MUG", name: "Hrnek smaltovaný", unitPrice: 50_000 },
    { code: "SLEVA", name: "Sleva 10 %", unitPrice: -20_000, type: "DISCOUNT" },
  ]);
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Came back — return/ }).check();
  await setQuantity(page, "return", "Rychlovarná konvice", "1");
  const panel = page.getByRole("complementary");
  await expect(panel.getByTestId("plan-discount-share")).toHaveText(czk(-15_000));
  await expect(panel.getByTestId("plan-refund")).toHaveText(czk(135_000));
  await page.getByRole("checkbox", { name: /Refund the full item price/ }).check();
  await expect(panel.getByTestId("plan-refund")).toHaveText(czk(150_000));
  await expect(panel.getByTestId("plan-discount-share")).toHaveCount(0);
  await page.getByRole("checkbox", { name: /Refund the full item price/ }).uncheck();
  const dialog = await review(page, "Review return", "Customer asked");
  await expect(await requestBody(dialog)).toHaveText(/"totalPrice": \{\s*"amount": 135000/);
});
