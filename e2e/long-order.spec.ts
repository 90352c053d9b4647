// Long orders: the items table shows 50 lines at a time, pages and filters by keyboard, points at lines on other
// pages that need attention, and "select all" still takes every line on every page.
import type { LineSpec } from "@/lib/sandbox/builders";
import { chooseReason, expect, openApplication, openWithoutScripts, requestBody, test } from "./fixtures";

const COUNT = 120;
const LONG: LineSpec[] = Array.from({ length: COUNT }, (_, i) => {
  const n = String(i + 1).padStart(3, "0");
  return { code: `P-${n}`, name: `Šroub ${n}`, unitPrice: 1_000 + i, quantity: 2 };
});

test("a 120-line order pages by keyboard, flags a bad line on another page, filters, and cancels all", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("ready", LONG);
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Not shipped — cancel/ }).check();
  // The form is drawn once the page is interactive; paging before that would be a click on a page not yet live.
  await expect(page.getByRole("spinbutton", { name: "Quantity of Šroub 001 to cancel" })).toBeVisible();

  const pager = page.getByRole("navigation", { name: "Pages of order lines", exact: true });
  await expect(pager).toContainText("Lines 1–50 of 120");
  await expect(page.getByRole("row", { name: /Šroub 050/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Šroub 051/ })).toHaveCount(0);
  await expect(pager.getByRole("button", { name: "Previous lines" })).toBeDisabled();

  // Keyboard only: focus "Next lines" and press Enter.
  await pager.getByRole("button", { name: "Next lines" }).focus();
  await page.keyboard.press("Enter");
  await expect(pager).toContainText("Lines 51–100 of 120");
  const quantity = page.getByRole("spinbutton", { name: "Quantity of Šroub 060 to cancel" });
  await quantity.fill("9");
  await expect(page.getByRole("row", { name: /Šroub 060/ })).toContainText("At most 2 can be chosen.");

  // Back on the first page, the bad line is pointed at and one button brings it back.
  await pager.getByRole("button", { name: "Previous lines" }).click();
  await expect(pager).toContainText("Lines 1–50 of 120");
  await expect(page.getByText("1 line on another page needs attention.")).toBeVisible();
  await page.getByRole("button", { name: "Show Šroub 060" }).click();
  await expect(pager).toContainText("Lines 51–100 of 120");
  await expect(quantity).toHaveValue("9");
  await quantity.fill("1");

  // The filter searches every line, not only the page on screen.
  const filter = page.getByRole("searchbox", { name: "Filter items" });
  await filter.fill("P-115");
  await expect(page.getByRole("row", { name: /Šroub 115/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Šroub 001/ })).toHaveCount(0);
  await filter.fill("nothing like this");
  await expect(page.getByText("No line matches the filter.")).toBeVisible();
  await filter.fill("");

  // "Select all" covers all 120 lines on all three pages: Skip Pay gets the empty body.
  await page.getByRole("checkbox", { name: "Cancel all unsent lines (120)" }).check();
  await chooseReason(page, "Out of stock");
  await page.getByRole("button", { name: "Review cancellation" }).click();
  const dialog = page.getByRole("dialog");
  await expect(await requestBody(dialog)).toHaveText("{}");
  await expect(dialog).toContainText("… and 70 more lines.");
  await dialog.getByRole("button", { name: "Confirm cancellation of 240 items" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Cancelled 240 items." })).toBeVisible();
  const app = await sandbox.application(id);
  expect(app.stateReason).toBe("CANCELLED_NOT_PAID");
  expect(app.order.totalPrice.amount).toBe(0);
});

test("the pager under the table starts the next page at its top, with the focus on where the agent is", async ({
  page,
  sandbox,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { id } = await sandbox.create("ready", LONG);
  await openApplication(page, id);
  await page.getByRole("radio", { name: /Not shipped — cancel/ }).check();
  await expect(page.getByRole("spinbutton", { name: "Quantity of Šroub 001 to cancel" })).toBeAttached();
  const below = page.getByRole("navigation", { name: "Pages of order lines, below the table" });
  await below.getByRole("button", { name: "Next lines" }).click();
  const status = page
    .getByRole("navigation", { name: "Pages of order lines", exact: true })
    .getByText("Lines 51–100 of 120");
  await expect(status).toBeFocused();
  await expect(status).toBeInViewport();
  await expect(page.getByRole("row", { name: /Šroub 051/ })).toBeInViewport();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Previous lines" }).first()).toBeFocused();
});

test("before the page is interactive the pager says 'not yet' (disabled); then it pages", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("ready", LONG);
  const release = await openWithoutScripts(page, `/applications/${id}`);
  const pager = page.getByRole("navigation", { name: "Pages of order lines", exact: true });
  const next = pager.getByRole("button", { name: "Next lines" });
  await expect(pager).toContainText("Lines 1–50 of 120");
  await expect(next).toBeDisabled();
  release();
  await expect(next).toBeEnabled();
  await next.click();
  await expect(pager).toContainText("Lines 51–100 of 120");
});
