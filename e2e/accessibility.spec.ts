import AxeBuilder from "@axe-core/playwright";
import { chooseReason, expect, openApplication, test } from "./fixtures";

async function seriousViolations(page: import("@playwright/test").Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("no serious or critical axe violations on the list and the application page", async ({
  page,
  sandbox,
}) => {
  // Three axe analyses take seconds each on a busy 2-core CI machine.
  test.setTimeout(90_000);
  const { id } = await sandbox.create("delivered");
  await page.goto("/applications");
  expect(await seriousViolations(page)).toEqual([]);
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Came back — return/ }).check();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("spinbutton", { name: "Quantity of Kuchařka to return" }).fill("1");
  await chooseReason(page, "Damaged or faulty");
  await page.getByRole("button", { name: "Review return" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("no serious or critical axe violations in the change-order form, its preview and confirmation", async ({
  page,
  sandbox,
}) => {
  test.setTimeout(90_000);
  const { id } = await sandbox.create("ready");
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Change the order/ }).check();
  await page.getByRole("textbox", { name: "New quantity: Kuchařka" }).fill("2");
  await page.getByRole("button", { name: "Add a line" }).click();
  await page.getByRole("textbox", { name: "Name of new line 1" }).fill("Dárkové balení");
  await page.getByRole("textbox", { name: "Code of new line 1" }).fill("GIFT");
  await page.getByRole("textbox", { name: "Unit price of new line 1 (CZK)" }).fill("49");
  await expect(page.getByRole("list", { name: "Changed lines" }).getByRole("listitem")).toHaveCount(2);
  expect(await seriousViolations(page)).toEqual([]);
  await chooseReason(page, "Customer asked");
  await page.getByRole("button", { name: "Review the change" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("a return from start to finish by keyboard only", async ({ page, sandbox }) => {
  const { id } = await sandbox.create("delivered");
  await openApplication(page, id);
  const returnOption = page.getByRole("radio", { name: /Came back — return/ });
  // Tab to the first enabled option of the radio group, then arrow keys move within it.
  for (let i = 0; i < 30 && !(await returnOption.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(returnOption).toBeFocused();
  await page.keyboard.press("Space");
  await expect(returnOption).toBeChecked();
  const quantity = page.getByRole("spinbutton", { name: "Quantity of Hrnek smaltovaný to return" });
  for (let i = 0; i < 30 && !(await quantity.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(quantity).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(quantity).toHaveValue("2");
  // The reason, by keyboard too: no reason is preselected.
  const reason = page.getByRole("combobox", { name: "Reason" });
  for (let i = 0; i < 60 && !(await reason.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(reason).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(reason).toHaveValue("customer_request");
  const reviewButton = page.getByRole("button", { name: "Review return" });
  for (let i = 0; i < 40 && !(await reviewButton.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(reviewButton).toBeFocused();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  // Focus starts on the least destructive action.
  await expect(dialog.getByRole("button", { name: "Back" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(dialog.getByRole("button", { name: /Return 2 items/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Returned 2 items" })).toBeVisible();
  expect(
    (await sandbox.application(id)).order.items.some((i: { state: string }) => i.state === "RETURNED"),
  ).toBe(true);
});
