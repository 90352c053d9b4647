import type { Page } from "@playwright/test";
import { chooseReason, expect, openApplication, requestBody, type Sandbox, TOTAL, test } from "./fixtures";

/** A ready order, opened with the Change order form chosen; its application id. */
async function changeOrderOn(page: Page, sandbox: Sandbox) {
  const { id } = await sandbox.create("ready");
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Change the order/ }).check();
  return id;
}

const czk = (minor: number) =>
  new Intl.NumberFormat("en-GB", { style: "currency", currency: "CZK" }).format(minor / 100);

test("change order: a quantity, a price and the carrier, the preview old → new, confirm, the new total", async ({
  page,
  sandbox,
}) => {
  const id = await changeOrderOn(page, sandbox);
  await page.getByRole("textbox", { name: "New quantity: Hrnek smaltovaný" }).fill("2");
  await page.getByRole("textbox", { name: "New unit price: Rychlovarná konvice" }).fill("1399");
  const after = TOTAL - 19_900 - 10_000;

  // The live preview: the changed lines old → new, VAT per rate, the new total.
  const panel = page.getByRole("complementary");
  await expect(panel.getByTestId("plan-new-total")).toContainText(czk(after));
  const changed = panel.getByRole("list", { name: "Changed lines" });
  await expect(changed.getByRole("listitem")).toHaveCount(2);
  const mugs = changed.getByRole("listitem").filter({ hasText: "Hrnek smaltovaný" });
  await expect(mugs).toContainText(`3 × ${czk(19_900)} = ${czk(59_700)}`);
  await expect(mugs).toContainText(`becomes 2 × ${czk(19_900)} = ${czk(39_800)}`);
  await expect(panel.getByRole("table", { name: "VAT per rate, before and after" })).toContainText("12 %");

  // The carrier is fixed in the same request.
  await page.getByRole("combobox", { name: "Carrier" }).selectOption("DPD");
  await expect(panel.getByTestId("change-carrier")).toContainText("DPD");
  await chooseReason(page, "Price adjustment");
  // On a phone the bar at the bottom edge counts the lines changed (an order change moves no items).
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByText(`2 lines changed → ${czk(after)}`)).toBeVisible();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole("button", { name: "Review the change" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("heading", { name: "Confirm the order change" })).toBeVisible();
  const body = await requestBody(dialog);
  await expect(body).toContainText('"reason": "Price adjustment"');
  await expect(body).toContainText(`"amount": ${after}`);
  await expect(body).toContainText('"deliveryCarrier": "DPD"');
  await expect(dialog).toContainText(`PUT /financing/v1/applications/${id}/order`);
  await dialog.getByRole("button", { name: `Change the order to ${czk(after)}` }).click();

  await expect(page.getByRole("status").filter({ hasText: "The order is changed." })).toContainText(
    `financed total ${czk(after)}`,
  );
  await expect(page.getByTestId("current-total")).toHaveText(czk(after));
  // What was financed first stays in the ledger, and the change is a row of its own that adds up.
  const ledger = page.getByRole("region", { name: "Money ledger" });
  await expect(ledger).toContainText(`Financed originally${czk(TOTAL)}`);
  await expect(ledger).toContainText(`Order changes here− ${czk(TOTAL - after)}`);
  await expect(ledger).toContainText(`Total by this admin's records${czk(after)}`);
  await expect(ledger).not.toContainText("differs");
  // The timeline says which way the total went.
  await expect(page.getByRole("listitem", { name: /^Order change — / })).toContainText(
    `${czk(TOTAL)} → ${czk(after)}`,
  );
  // Ground truth from Skip Pay (the sandbox), not from the UI.
  const app = await sandbox.application(id);
  expect(app.order.totalPrice.amount).toBe(after);
  expect(app.order.deliveryCarrier).toBe("DPD");
  expect(app.order.items.map((i: { code: string; quantity: number }) => [i.code, i.quantity])).toEqual([
    ["KETTLE", 1],
    ["MUG", 2],
    ["BOOK", 1],
  ]);
});

test("change order is refused once items are sent: offered no more, and a page opened before sends nothing", async ({
  page,
  sandbox,
}) => {
  const sent = await sandbox.create("sent");
  await openApplication(page, sent.id);
  const radio = page.getByRole("radio", { name: /Change the order/ });
  await expect(radio).toBeDisabled();
  await expect(radio).toHaveAccessibleDescription(/Items were already sent/);

  // The order is shipped while the agent is still reviewing the change: nothing reaches Skip Pay.
  const id = await changeOrderOn(page, sandbox);
  await page.getByRole("textbox", { name: "New quantity: Kuchařka" }).fill("2");
  await chooseReason(page, "Customer asked");
  await page.getByRole("button", { name: "Review the change" }).click();
  const dialog = page.getByRole("dialog");
  await sandbox.call("PUT", `/financing/v1/applications/${id}/order/send`, { sentDate: "2026-11-12" });
  await dialog.getByRole("button", { name: `Change the order to ${czk(TOTAL + 39_900)}` }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "This order changed since you opened it." }),
  ).toBeVisible();
  expect((await sandbox.events(id)).filter((e) => e.operation === "order/change")).toHaveLength(0);
  expect((await sandbox.application(id)).order.totalPrice.amount).toBe(TOTAL);
  // On the fresh order the operation is no longer offered.
  await expect(page.getByRole("radio", { name: /Change the order/ })).toBeDisabled();
});

test("the delivery address waits behind 'Fix the delivery address'; fixed alone, it is the whole request", async ({
  page,
  sandbox,
}) => {
  const id = await changeOrderOn(page, sandbox);
  const city = page.getByRole("textbox", { name: "City (delivery)" });
  await expect(city).toBeHidden();
  // What the order has now, said in words: this one was created without a delivery address.
  await expect(page.getByText("Delivery address now: none on the order. Carrier now: PPL.")).toBeVisible();
  await page.getByText("Fix the delivery address").click();
  await page.getByRole("textbox", { name: "Street (delivery)" }).fill("Údolní");
  await page.getByRole("textbox", { name: "House number (delivery)" }).fill("53");
  await city.fill("Brno");
  await page.getByRole("textbox", { name: "ZIP code (delivery)" }).fill("602 00");
  await chooseReason(page, "Customer asked");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByText(`Delivery fixed → ${czk(TOTAL)}`)).toBeVisible();
  await page.getByRole("button", { name: "Review the change" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("change-address")).toContainText("none on the order");
  await expect(dialog.getByTestId("change-address")).toContainText("Údolní 53, 602 00, Brno");
  const body = await requestBody(dialog);
  await expect(body).toContainText('"city": "Brno"');
  await expect(body).toContainText('"addressType": "DELIVERY"');
  await expect(body).not.toContainText('"items"');
  await dialog.getByRole("button", { name: `Change the order to ${czk(TOTAL)}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "The order is changed." })).toBeVisible();
  const delivery = (await sandbox.application(id)).order.addresses.find(
    (a: { addressType: string }) => a.addressType === "DELIVERY",
  );
  expect(delivery).toMatchObject({
    streetAddress: "Údolní",
    streetNumber: "53",
    city: "Brno",
    zip: "602 00",
  });
});

/** The visible controls of the operation form that have no label on screen (only an accessible name, if any). */
async function controlsWithoutVisibleLabel(page: Page) {
  return page.locator("form[aria-labelledby=panel-heading]").evaluate((form) => {
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== "hidden";
    };
    const controls = [...form.querySelectorAll("input:not([type=hidden]), select, textarea")] as (
      | HTMLInputElement
      | HTMLSelectElement
      | HTMLTextAreaElement
    )[];
    return controls
      .filter(shown)
      .filter((el) => {
        const by = (el.getAttribute("aria-labelledby") ?? "")
          .split(" ")
          .filter(Boolean)
          .map((id) => document.getElementById(id))
          .filter((l): l is HTMLElement => !!l);
        return ![...(el.labels ?? []), ...by].some((l) => shown(l) && l.textContent?.trim());
      })
      .map((el) => el.getAttribute("aria-label") ?? el.name);
  });
}

test("on a phone every field of the change-order form has a label on screen, the new line's too", async ({
  page,
  sandbox,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await changeOrderOn(page, sandbox);
  await page.getByRole("button", { name: "Add a line" }).click();
  await expect(page.getByRole("textbox", { name: "Name of new line 1" })).toBeVisible();
  expect(await controlsWithoutVisibleLabel(page)).toEqual([]);
  // The lines' own fields say what they are, beside the line's name (their accessible names are unchanged).
  const quantity = page.getByRole("textbox", { name: "New quantity: Hrnek smaltovaný" });
  await expect(quantity).toBeVisible();
  const label = await quantity.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent?.trim());
  expect(label).toBe("New quantity");
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(page.getByRole("textbox", { name: "New unit price: Kuchařka" })).toBeVisible();
});

test("a new line shows no errors until its fields are left or the review is asked for", async ({
  page,
  sandbox,
}) => {
  await changeOrderOn(page, sandbox);
  await page.getByRole("button", { name: "Add a line" }).click();
  const name = page.getByRole("textbox", { name: "Name of new line 1" });
  const price = page.getByRole("textbox", { name: "Unit price of new line 1 (CZK)" });
  await expect(name).toBeVisible();
  const group = page.getByRole("group", { name: "New lines" });
  const preview = page.getByRole("complementary");
  // Nothing typed yet: nothing is wrong yet, and the preview does not ask to fix what is not highlighted.
  await expect(group.locator("[aria-invalid=true]")).toHaveCount(0);
  await expect(name).not.toHaveAttribute("aria-invalid", "true");
  await expect(price).not.toHaveAttribute("aria-invalid", "true");
  await expect(preview).not.toContainText("Fix the highlighted fields");
  // Left empty after a visit: that field says so, and so does the preview; the price, not visited, still does not.
  await name.focus();
  await name.blur();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(price).not.toHaveAttribute("aria-invalid", "true");
  await expect(preview).toContainText("Fix the highlighted fields");
  // Asking for the review shows every error.
  await chooseReason(page, "Customer asked");
  await page.getByRole("button", { name: "Review the change" }).click();
  await expect(price).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("dialog")).toHaveCount(0);
});
