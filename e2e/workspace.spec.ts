// The order workspace as a new agent meets it: where the answer shows, what is checked as they type, what "select
// all" takes under a filter, what was typed or chosen before the page was interactive, which reasons are asked for,
// what an unclear cancel says and locks, one sentence for a closed application, a table that fits, words that fit
// the money, the customer message kept on the timeline, a failed read, and a difference in the total made outside
// this admin.
import type { Browser, Page } from "@playwright/test";
import type { LineSpec } from "@/lib/sandbox/builders";
import {
  chooseReason,
  expect,
  holdScripts,
  LINES,
  openApplication,
  openWithoutScripts,
  refund,
  requestBody,
  TOTAL,
  test,
} from "./fixtures";

const czk = (minor: number) =>
  new Intl.NumberFormat("en-GB", { style: "currency", currency: "CZK" }).format(minor / 100);

const quantity = (page: Page, name: string, verb: string) =>
  page.getByRole("spinbutton", { name: `Quantity of ${name} to ${verb}` });

test("after Confirm the answer's heading has the focus and is in view, even from far down the page", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered");
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Money only — refund amount/ }).check();
  await page.getByRole("textbox", { name: "Amount to refund" }).fill("100");
  await chooseReason(page, "Goodwill gesture");
  await page.getByRole("button", { name: "Review refund" }).scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.getByRole("button", { name: "Review refund" }).click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /^Refund / })
    .click();
  const heading = page.getByTestId("operation-result").getByRole("heading");
  await expect(heading).toHaveText(`Done: the customer owes ${czk(10_000)} less.`);
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await expect(page.getByRole("status").filter({ hasText: "the customer owes" })).toBeVisible();
});

test("amounts, quantities and the note are checked as they are typed, one message per cause", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered");
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Money only — refund amount/ }).check();
  const amount = page.getByRole("textbox", { name: "Amount to refund" });
  const panel = page.getByRole("complementary");
  for (const [typed, message] of [
    ["0", "The amount must be more than zero."],
    ["-5", "The amount must be positive."],
    ["abc", "Enter an amount such as 1,234.50."],
    ["1,234.567", "Use at most 2 decimals (hundredths)."],
    ["1,234", "One comma or dot is read as decimals: write a thousand and more as 1234 or 1,234.00."],
    ["99999999999999", "The amount is too large."],
  ] as const) {
    await amount.fill(typed);
    await expect(panel.getByText(message)).toBeVisible();
    await expect(panel).toContainText("Fix the highlighted fields");
  }
  await amount.fill("12.50");
  await expect(panel.getByTestId("plan-refund")).toHaveText(czk(1_250));
  // On a phone the bar at the bottom edge says what Review will do: a refund moves no lines, so none are counted.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByText(new RegExp(`^Refund ${czk(1_250).replace(".", "\\.")} → `))).toBeVisible();
  await expect(page.getByText(/^0 lines/)).toHaveCount(0);
  await page.setViewportSize({ width: 1280, height: 720 });
  // The note says how much room is left, and takes no more than the server accepts.
  const note = page.getByRole("textbox", { name: "Internal note" });
  await note.fill("x".repeat(1_005));
  await expect(note).toHaveValue("x".repeat(1_000));
  await expect(panel).toContainText("1,000 / 1,000 characters");

  await page.getByRole("radio", { name: /Came back — return/ }).check();
  const mugs = quantity(page, "Hrnek smaltovaný", "return");
  await mugs.fill("-1");
  await expect(page.getByRole("row", { name: /Hrnek smaltovaný/ })).toContainText(
    "The quantity must be positive.",
  );
  // One wrong value after another: the message follows the second, not the first.
  await mugs.fill("abc");
  await expect(page.getByRole("row", { name: /Hrnek smaltovaný/ })).toContainText(
    "Enter a number, such as 2 or 2.5.",
  );
  await expect(page.getByRole("row", { name: /Hrnek smaltovaný/ })).not.toContainText("must be positive");
  await mugs.fill("999999999");
  await expect(page.getByRole("row", { name: /Hrnek smaltovaný/ })).toContainText(
    "The quantity is too large.",
  );
  await mugs.fill("1.5");
  await expect(page.getByRole("row", { name: /Hrnek smaltovaný/ })).toContainText(
    "“Hrnek smaltovaný” is counted in whole pieces",
  );
  // The panel points at the line, not back at choosing items.
  await expect(panel).toContainText("Fix the highlighted fields");
  // A decimal comma is a decimal point, never a thousands separator: "1,2" is 1.2 pieces (not 12), and a word is
  // not silently emptied.
  await mugs.fill("1,2");
  await expect(mugs).toHaveValue("1,2");
  await expect(page.getByRole("row", { name: /Hrnek smaltovaný/ })).toContainText("counted in whole pieces");
  await mugs.fill("abc");
  await expect(mugs).toHaveValue("abc");
  await expect(page.getByRole("row", { name: /Hrnek smaltovaný/ })).toContainText(
    "Enter a number, such as 2 or 2.5.",
  );
  // The arrow keys count whole pieces, as the − and + beside the box do.
  await mugs.fill("1");
  await mugs.press("ArrowUp");
  await expect(mugs).toHaveValue("2");
  await mugs.press("ArrowDown");
  await expect(mugs).toHaveValue("1");
  await mugs.fill("1.5");
  // A line of whole pieces never reaches a review of 1.5 of them; a whole number does.
  await chooseReason(page, "Customer asked");
  await page.getByRole("button", { name: "Review return" }).click();
  await expect(page.getByRole("row", { name: /Hrnek smaltovaný/ })).toContainText("counted in whole pieces");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Return 1\.5 items/ })).toHaveCount(0);
  await mugs.fill("1");
  await expect(page.getByRole("row", { name: /Hrnek smaltovaný/ })).not.toContainText(
    "counted in whole pieces",
  );
  const dialog = await review(page, "Review return");
  await expect(dialog.getByRole("button", { name: /^Return 1 item and refund/ })).toBeVisible();
});

const LONG: LineSpec[] = Array.from({ length: 60 }, (_, i) => {
  const n = String(i + 1).padStart(3, "0");
  return { code: `P-${n}`, name: `Šroub ${n}`, unitPrice: 1_000 + i };
});

test("'select all' under a filter takes the lines shown; all of them is a separate step", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered", LONG);
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Came back — return/ }).check();
  await page.getByRole("searchbox", { name: "Filter items" }).fill("P-00");
  await expect(page.getByText("9 of 60 lines shown")).toBeVisible();
  await page.getByRole("checkbox", { name: "Return all lines shown (9)" }).check();
  await expect(quantity(page, "Šroub 001", "return")).toHaveValue("1");
  await chooseReason(page, "Customer asked");
  let dialog = await review(page, "Review return");
  await expect(dialog.getByRole("button", { name: /^Return 9 items/ })).toBeVisible();
  await expect(await requestBody(dialog)).toContainText('"code": "P-009"');
  await dialog.getByRole("button", { name: "Back" }).click();

  await page.getByRole("button", { name: "Select all 60 lines" }).click();
  dialog = await review(page, "Review return");
  await expect(dialog.getByRole("button", { name: /^Return 60 items/ })).toBeVisible();
  await expect(await requestBody(dialog)).toHaveText("{}");
});

test("what is typed in the items filter before the page is interactive stays when an operation is chosen", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered", LONG);
  const release = await openWithoutScripts(page, `/applications/${id}`);
  await page.getByRole("searchbox", { name: "Filter items" }).fill("P-00");
  release();
  await page.waitForLoadState("networkidle");
  await page.getByRole("radio", { name: /Came back — return/ }).check();
  await expect(page.getByText("9 of 60 lines shown")).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Filter items" })).toHaveValue("P-00");
});

test("while a chosen form's code arrives, its panel says it is loading", async ({ page, sandbox }) => {
  const { id } = await sandbox.create("delivered");
  await openApplication(page, id);
  await page.waitForLoadState("networkidle");
  // The page's own scripts are in; what the choice fetches now is held.
  const release = await holdScripts(page);
  await page.getByRole("radio", { name: /Came back — return/ }).check();
  await expect(page.getByRole("heading", { name: "Return items" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Loading the form…" })).toBeVisible();
  release();
  await expect(page.getByRole("button", { name: "Review return" })).toBeVisible();
  await expect(page.getByText("Loading the form…")).toHaveCount(0);
});

test("an operation chosen before the page is interactive opens its form once it is", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("ready", LONG);
  const release = await openWithoutScripts(page, `/applications/${id}`);
  const cancel = page.getByRole("radio", { name: /Not shipped — cancel/ });
  await cancel.check();
  release();
  await expect(page.getByRole("spinbutton", { name: "Quantity of Šroub 001 to cancel" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Review cancellation" })).toBeVisible();
  await expect(cancel).toBeChecked();
});

async function review(page: Page, button: string) {
  await page.getByRole("button", { name: button }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  return dialog;
}

test("reasons: none preselected, none for shipping, Skip Pay's own list alone for cancelling the application", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("ready", [
    ...LINES,
    { code: "SHIP", name: "Doprava PPL", unitPrice: 9_900, type: "SHIPPING_FEE" },
  ]);
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Not shipped — cancel/ }).check();
  await expect(page.getByRole("combobox", { name: "Reason" })).toHaveValue("");
  await page.getByRole("radio", { name: /Cancel the whole application/ }).check();
  await expect(page.getByRole("combobox")).toHaveCount(1);
  await expect(page.getByRole("combobox", { name: "Reason for Skip Pay" })).toHaveValue("");

  await page.getByRole("radio", { name: /Shipped — mark sent/ }).check();
  await expect(page.getByRole("combobox", { name: "Reason" })).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Mark everything unsent as sent" }).check();
  // The shipping fee is a line, not an item: 5 items, whatever the order's 4 lines.
  const dialog = await review(page, "Review shipment");
  await dialog.getByRole("button", { name: "Mark 5 items sent" }).click();
  const entry = page.getByRole("listitem", { name: /Shipment — Done/ });
  await expect(entry).toContainText("by Alena Králová");
  await expect(entry).not.toContainText("Customer asked");
});

test("an unclear cancel: worded for a cancel, one banner with one 'Check now', the form held with its time", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("ready");
  await openApplication(page, id);
  await sandbox.fault("503", `/financing/v1/applications/${id}/order/cancel`);
  await page.getByRole("radio", { name: /Not shipped — cancel/ }).check();
  await quantity(page, "Hrnek smaltovaný", "cancel").fill("1");
  await chooseReason(page, "Out of stock");
  const dialog = await review(page, "Review cancellation");
  await dialog.getByRole("button", { name: "Confirm cancellation of 1 item" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Skip Pay had a problem answering." });
  await expect(alert).toContainText("trying again could cancel more than you meant");
  // The answer's heading has the focus here too, though the form stays on screen (held) as the dialog closes.
  await expect(alert.getByRole("heading", { name: "Skip Pay had a problem answering." })).toBeFocused();
  await expect(alert).not.toContainText("refund");
  await expect(alert).toContainText("It holds the order until");
  await expect(page.getByRole("button", { name: "Check now" })).toHaveCount(1);
  await expect(page.getByText(/answer was lost/)).toHaveCount(0);
  // Nothing can be sent while it holds the order.
  await expect(quantity(page, "Hrnek smaltovaný", "cancel")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Review cancellation" })).toBeDisabled();
});

test("a closed application says once that nothing can be changed, and why", async ({ page, sandbox }) => {
  const { id } = await sandbox.create("ready");
  await sandbox.call("PUT", `/financing/v1/applications/${id}/cancel`, {
    reason: "APPLICATION_CANCELLED_BY_CUSTOMER",
  });
  await openApplication(page, id);
  await expect(page.getByText("Nothing can be changed on this application")).toBeVisible();
  await expect(page.getByText(/Not possible while the application is/)).toHaveCount(1);
  await expect(page.getByRole("radio")).toHaveCount(0);
});

test("the items table fits its card at 1440 px in Czech; on a phone 'Review' of a 300-line order is in reach", async ({
  browser,
  sandbox,
}) => {
  const { id } = await sandbox.create("ready", LONG);
  const context = await browser.newContext({
    locale: "cs-CZ",
    viewport: { width: 1440, height: 900 },
    storageState: ".reports/auth/agent.json",
  });
  // Czech for this browser only (the language cookie), not for the account other tests use.
  await context.addCookies([{ name: "locale", value: "cs", url: test.info().project.use.baseURL as string }]);
  const page = await context.newPage();
  await page.goto(`/applications/${id}`);
  await page.getByRole("radio", { name: /Neodesláno — storno/ }).check();
  const fits = await page.getByRole("table").evaluate((table) => {
    const card = table.parentElement as HTMLElement;
    return table.getBoundingClientRect().right <= card.getBoundingClientRect().right + 1;
  });
  expect(fits).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  const many: LineSpec[] = Array.from({ length: 300 }, (_, i) => ({
    code: `R-${i}`,
    name: `Řádek ${i}`,
    unitPrice: 500 + i,
  }));
  const big = await sandbox.create("delivered", many);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/applications/${big.id}`);
  await page.getByRole("radio", { name: /Vráceno — vrácení zboží/ }).check();
  await page.getByRole("spinbutton", { name: "Množství k vrácení: Řádek 0" }).fill("1");
  const reviewButton = page.getByRole("button", { name: "Zkontrolovat vrácení" });
  await expect(reviewButton).toBeInViewport();
  await expect(page.getByText(/1 položka · 5,00\s?Kč/)).toBeInViewport();
  // Stacked on a phone, each cell is named before its value (the names are set once on the table); screen readers
  // get the cell's value alone, as the table's headers name it.
  const cell = page.getByRole("row", { name: /^Řádek 0 / }).getByRole("cell", { name: /^5,00\s?Kč$/ });
  const before = () =>
    cell.evaluate((td) => {
      const style = getComputedStyle(td, "::before");
      return style.display === "none" ? "" : style.content;
    });
  expect(await before()).toBe('"Celkem" / ""');
  await page.setViewportSize({ width: 1440, height: 900 });
  expect(await before()).toBe("");
  await context.close();
});

test("words fit the money: CZK in English, both states written alike, no 'refunded' to a pay-later customer", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("sent");
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Money only — refund amount/ }).check();
  await expect(page.getByRole("complementary").getByText("CZK", { exact: true })).toBeVisible();
  await expect(page.locator("main")).not.toContainText("Kč");
  await expect(page.locator("main")).not.toContainText("haléř");

  await page.getByRole("radio", { name: /Arrived — mark delivered/ }).check();
  await page.getByRole("checkbox", { name: "Mark everything remaining as delivered" }).check();
  await expect(page.getByRole("complementary")).toContainText(
    /Ready · Shipped→\s*becomes\s*Ready · Delivered/,
  );

  await refundWithReason(page, "250");
  const message = page.getByRole("region", { name: "What changes for the customer" }).getByRole("textbox");
  await page.getByRole("radio", { name: "English" }).check();
  await expect(message).not.toHaveValue(/refunded|returned to you/);
  await expect(message).toHaveValue(/lowered the amount for your order/);
});

async function refundWithReason(page: Page, amount: string) {
  await refund(page, amount);
  await expect(page.getByTestId("operation-result")).toBeVisible();
}

test("cancelling an application that only awaited the customer speaks of no overpayment", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("processing");
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Cancel the whole application/ }).check();
  await page
    .getByRole("combobox", { name: "Reason for Skip Pay" })
    .selectOption({ label: "Checkout not finished" });
  const dialog = await review(page, "Review cancellation");
  await dialog.getByRole("button", { name: "Confirm cancelling the application" }).click();
  const message = page.getByRole("region", { name: "What changes for the customer" }).getByRole("textbox");
  await page.getByRole("radio", { name: "English" }).check();
  await expect(message).toHaveValue(/cancelled the Skip Pay financing request/);
  await expect(message).not.toHaveValue(/paid more|difference/);
});

test("the customer message stays on the timeline for whoever talks to the customer later", async ({
  page,
  sandbox,
}) => {
  const { id, orderNumber } = await sandbox.create("delivered");
  await openApplication(page, id);
  await refund(page, "100");
  await expect(page.getByTestId("operation-result")).toBeVisible();
  await page.reload();
  const entry = page.getByRole("listitem", { name: /Amount-only refund — Done/ });
  await entry.getByText("Message for the customer", { exact: true }).click();
  await expect(entry.getByRole("textbox")).toHaveValue(
    new RegExp(`${orderNumber} jsme vám snížili o 100,00`),
  );
});

test("the customer's language chosen on the timeline before the page is interactive is the one shown", async ({
  page,
  sandbox,
}) => {
  const { id, orderNumber } = await sandbox.create("delivered");
  await openApplication(page, id);
  await refund(page, "100");
  await expect(page.getByTestId("operation-result")).toBeVisible();
  const release = await holdScripts(page);
  await page.reload({ waitUntil: "commit" });
  const entry = page.getByRole("listitem", { name: /Amount-only refund — Done/ });
  await entry.getByText("Message for the customer", { exact: true }).click();
  await entry.getByRole("radio", { name: "English" }).check();
  release();
  await expect(entry.getByRole("textbox")).toHaveValue(
    new RegExp(`we have lowered the amount for your order ${orderNumber} by CZK\\s100\\.00`),
  );
  await expect(entry.getByRole("radio", { name: "English" })).toBeChecked();
});

test("when Skip Pay cannot be read, the page shows what the admin knows and tries again on request", async ({
  page,
  sandbox,
}) => {
  const { id, orderNumber } = await sandbox.createUnannounced("delivered");
  await openApplication(page, id);
  await sandbox.fault("500", `/financing/v1/applications/${id}`, "GET");
  await page.reload();
  await expect(page.getByRole("alert").filter({ hasText: "Could not load this application" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Order ${orderNumber}`);
  await expect(page.getByRole("main")).toContainText("Jana Nováková");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByTestId("current-total")).toHaveText(czk(TOTAL));
});

test("'Try again' on a failed read works before the page is interactive", async ({ page, sandbox }) => {
  const { id } = await sandbox.createUnannounced("delivered");
  await sandbox.fault("500", `/financing/v1/applications/${id}`, "GET");
  await openWithoutScripts(page, `/applications/${id}`);
  await expect(page.getByRole("alert").filter({ hasText: "Could not load this application" })).toBeVisible();
  await page.getByRole("button", { name: "Try again" }).click();
  // Still without the page's scripts: the browser asked the server again, and the order is drawn.
  await expect(page.getByTestId("current-total")).toHaveText(czk(TOTAL));
});

test("a total changed outside this admin is said to be so, and staff record that they checked it", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered");
  await sandbox.call("PUT", `/financing/v1/applications/${id}/order/return`, {
    items: [],
    totalPrice: { amount: 5_000, currency: "CZK" },
  });
  await openApplication(page, id);
  const ledger = page.getByRole("region", { name: "Money ledger" });
  await expect(ledger).toContainText(`Skip Pay's total is ${czk(5_000)} lower than this admin recorded`);
  await expect(ledger).toContainText("the order was changed outside this admin");
  await expect(ledger).not.toContainText("Check the timeline");
  await ledger.getByRole("textbox", { name: "What you found (optional)" }).fill("Shop refunded it by phone");
  await ledger.getByRole("button", { name: "Record that I checked it" }).click();
  await expect(ledger).toContainText("was checked by Alena Králová");
  const note = page.getByRole("listitem", { name: "Difference in the total checked" });
  await expect(note).toContainText("Shop refunded it by phone");
});

test("a note on the difference typed before the page is interactive is kept, and Record waits for the page", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered");
  await sandbox.call("PUT", `/financing/v1/applications/${id}/order/return`, {
    items: [],
    totalPrice: { amount: 5_000, currency: "CZK" },
  });
  const release = await openWithoutScripts(page, `/applications/${id}`);
  const ledger = page.getByRole("region", { name: "Money ledger" });
  await ledger.getByRole("textbox", { name: "What you found (optional)" }).fill("Refunded by phone");
  // Posted now, the form would only reload the page: it waits for the page's scripts.
  const record = ledger.getByRole("button", { name: "Record that I checked it" });
  await expect(record).toBeDisabled();
  release();
  await record.click();
  await expect(page.getByRole("listitem", { name: "Difference in the total checked" })).toContainText(
    "Refunded by phone",
  );
});

test("at 1440 px, with a form's column beside the lines, a five-digit unit price stays on one line", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("ready", [
    { code: "TV", name: 'Televize 55"', unitPrice: 1_299_000 },
    { code: "MUG", name: "Hrnek", unitPrice: 19_900, quantity: 2 },
  ]);
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Shipped — mark sent/ }).check();
  const row = page.getByRole("row", { name: /Televize/ });
  await expect(row.getByRole("spinbutton")).toBeVisible();
  // "× CZK 12,990.00" under the quantity: one line of text (text-xs), never "×" left alone above the price.
  const unit = row.getByText(/^\s*×\s/);
  await expect(unit).toContainText(czk(1_299_000));
  await expect(unit).toBeVisible();
  expect((await unit.boundingBox())?.height).toBeLessThanOrEqual(20);
});

test("on a phone the review bar shows the preview's whole sentence, wrapped, beside Review (Czech)", async ({
  browser,
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered");
  const { context, page } = await czechPhoneReturn(browser, id);
  await page.getByRole("spinbutton", { name: "Množství k vrácení: Kuchařka" }).fill("1");
  const headline = page.getByText(/^2 položky · 1\s898,00\s?Kč → 597,00\s?Kč$/);
  await expect(headline).toBeInViewport();
  await expect(page.getByRole("button", { name: "Zkontrolovat vrácení" })).toBeInViewport();
  const fit = await headline.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return {
      clippedSideways: el.scrollWidth > el.clientWidth,
      clippedDown: el.scrollHeight > el.clientHeight,
      right: box.right,
      height: box.height,
    };
  });
  expect(fit.clippedSideways).toBe(false);
  expect(fit.clippedDown).toBe(false);
  expect(fit.right).toBeLessThanOrEqual(390);
  // Still compact: at most two lines of text.
  expect(fit.height).toBeLessThanOrEqual(44);
  await context.close();
});

test("on a phone the confirmation's request line wraps inside the dialog (Czech)", async ({
  browser,
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered");
  const { context, page } = await czechPhoneReturn(browser, id);
  await page.getByRole("combobox", { name: "Důvod" }).selectOption({ label: "Přání zákazníka" });
  await page.getByRole("button", { name: "Zkontrolovat vrácení" }).click();
  const dialog = page.getByRole("dialog");
  const request = dialog.getByText(`PUT /financing/v1/applications/${id}/order/return`);
  await expect(request).toBeVisible();
  const right = await request.evaluate((el) => el.getBoundingClientRect().right);
  const inner = await dialog.evaluate((el) => el.getBoundingClientRect().right);
  expect(right).toBeLessThanOrEqual(inner);
  await context.close();
});

/** On a phone, in Czech: the return form of application `id`, with one kettle to return. */
async function czechPhoneReturn(browser: Browser, id: string) {
  const context = await browser.newContext({
    locale: "cs-CZ",
    viewport: { width: 390, height: 844 },
    storageState: ".reports/auth/agent.json",
  });
  await context.addCookies([{ name: "locale", value: "cs", url: test.info().project.use.baseURL as string }]);
  const page = await context.newPage();
  await page.goto(`/applications/${id}`);
  await page.getByRole("radio", { name: /Vráceno — vrácení zboží/ }).check();
  await page.getByRole("spinbutton", { name: "Množství k vrácení: Rychlovarná konvice" }).fill("1");
  return { context, page };
}
