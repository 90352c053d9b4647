// The applications list as an agent uses it every day: filters that apply as they change and stay in the URL,
// search by what a customer tells them, exact matches that open the application, and a pager that never runs past
// the end. Each test makes its own applications, sharing a token in their order numbers, and narrows the list to
// them with the search box.
import { buildApplicationRequest } from "@/lib/sandbox/builders";
import type { FinancingType } from "@/lib/skippay/schemas";
import { expect, LINES, openWithoutScripts, type Sandbox, test } from "./fixtures";

type Customer = { firstName: string; lastName: string; email: string; phone: string };
type Stage = "processing" | "ready" | "sent";

const token = () => `L${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();

/** Creates an application at Skip Pay (which notifies the admin) with its own order number and customer. */
async function create(
  sandbox: Sandbox,
  baseURL: string,
  orderNumber: string,
  options: { stage?: Stage; type?: FinancingType; customer?: Customer } = {},
): Promise<string> {
  const created = await sandbox.call(
    "POST",
    "/financing/v1/applications",
    buildApplicationRequest({
      orderNumber,
      variableSymbol: `${Date.now() % 10_000_000}${Math.floor(Math.random() * 1_000)}`.padStart(10, "1"),
      lines: LINES,
      type: options.type,
      customer: options.customer,
      notificationEndpoint: `${baseURL}/api/skippay/notifications`,
    }),
  );
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  const stage = options.stage ?? "ready";
  if (stage !== "processing") await sandbox.call("POST", `/control/applications/${id}/approve`);
  if (stage === "sent")
    await sandbox.call("PUT", `/financing/v1/applications/${id}/order/send`, { sentDate: "2026-11-12" });
  return id;
}

/** Waits until the admin has read every notification: the list, searched for `q`, shows `count` rows. */
async function listed(page: import("@playwright/test").Page, url: string, count: number) {
  await expect(async () => {
    await page.goto(url);
    await expect(page.getByRole("row").filter({ has: page.getByRole("link") })).toHaveCount(count, {
      timeout: 1_000,
    });
  }).toPass({ timeout: 20_000 });
}

const rows = (page: import("@playwright/test").Page) =>
  page.getByRole("row").filter({ has: page.getByRole("link") });

test.describe("the list, at any size", () => {
  test("a page past the end shows the last page, in English and in Czech", async ({
    page,
    sandbox,
    baseURL,
  }) => {
    const t = token();
    await create(sandbox, baseURL as string, `${t}-1`);
    await listed(page, `/applications?q=${t}`, 1);

    await page.goto(`/applications?q=${t}&page=5`);
    await expect(rows(page)).toHaveCount(1);
    await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("Showing 1–1 of 1");
    await expect(page.getByText("No applications")).toHaveCount(0);

    await page.context().addCookies([{ name: "locale", value: "cs", url: baseURL as string }]);
    await page.goto(`/applications?q=${t}&page=5&state=READY`);
    await expect(rows(page)).toHaveCount(1);
    await expect(page.getByRole("navigation", { name: "Stránky" })).toContainText("Zobrazeno 1–1 z 1");
    await expect(page.getByText("Zatím žádné žádosti")).toHaveCount(0);
  });

  test("the pager walks 26 applications page by page, says where it is, and past the end offers the way back", async ({
    page,
    sandbox,
    baseURL,
  }) => {
    const t = token();
    const ids: string[] = [];
    for (let i = 1; i <= 26; i++)
      ids.push(
        await create(sandbox, baseURL as string, `${t}-${String(i).padStart(2, "0")}`, {
          stage: "processing",
        }),
      );
    const pager = page.getByRole("navigation", { name: "Pages" });
    await expect(async () => {
      await page.goto(`/applications?q=${t}&state=PROCESSING&sort=order`);
      await expect(pager).toContainText("Showing 1–25 of 26", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(pager.getByRole("link", { name: "Previous" })).toHaveCount(0);

    await pager.getByRole("link", { name: "Next" }).click();
    await expect(pager).toContainText("Showing 26–26 of 26");
    await expect(rows(page)).toHaveCount(1);
    await expect(page.getByRole("link", { name: `${t}-26` })).toBeVisible();
    await expect(pager.getByRole("link", { name: "Next" })).toHaveCount(0);
    const lastPage = page.url();
    expect(lastPage).toContain("state=PROCESSING");

    await pager.getByRole("link", { name: "Previous" }).click();
    await expect(pager).toContainText("Showing 1–25 of 26");
    await expect(page.getByRole("link", { name: `${t}-01` })).toBeVisible();

    await pager.getByRole("link", { name: "Last page" }).click();
    await expect(pager).toContainText("Showing 26–26 of 26");

    // The 26th is approved meanwhile: it leaves the PROCESSING list, and the link to "page 2" now points past
    // the end. The page says so and leads back.
    await sandbox.call("POST", `/control/applications/${ids[25]}/approve`);
    await expect(async () => {
      await page.goto(lastPage);
      await expect(page.getByText("No more applications here.")).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(rows(page)).toHaveCount(0);
    await page.getByRole("link", { name: "Go to the last page" }).click();
    await expect(pager).toContainText("Showing 1–25 of 25");
    await expect(page.getByRole("link", { name: `${t}-25` })).toBeVisible();
  });

  test("filters by substate, financing type and date apply as they change and stay in the URL", async ({
    page,
    sandbox,
    baseURL,
  }) => {
    const t = token();
    const base = baseURL as string;
    await create(sandbox, base, `${t}-SHIP`, { stage: "ready" });
    await create(sandbox, base, `${t}-SENT`, { stage: "sent" });
    await create(sandbox, base, `${t}-THREE`, { stage: "ready", type: "PAY_IN_THREE" });
    await listed(page, `/applications?q=${t}`, 3);

    await page.getByRole("combobox", { name: "State" }).selectOption({ label: "Ready to ship" });
    await expect(page).toHaveURL(/state=READY_TO_SHIP/);
    await expect(rows(page)).toHaveCount(2);
    await expect(page.getByRole("link", { name: `${t}-SENT` })).toHaveCount(0);

    await page.getByRole("combobox", { name: "Financing" }).selectOption({ label: "Pay in three" });
    await expect(page).toHaveURL(/type=PAY_IN_THREE/);
    await expect(rows(page)).toHaveCount(1);
    await expect(page.getByRole("link", { name: `${t}-THREE` })).toBeVisible();

    await page.getByRole("combobox", { name: "State" }).selectOption({ label: "Shipped" });
    await expect(page).toHaveURL(/state=READY_SHIPPED/);
    await expect(page.getByText("No applications match these filters.")).toBeVisible();

    await page.getByRole("combobox", { name: "Financing" }).selectOption({ label: "All types" });
    await expect(rows(page)).toHaveCount(1);
    await expect(page.getByRole("link", { name: `${t}-SENT` })).toBeVisible();

    // Updated today (Prague): in a range ending today, not in one ending yesterday.
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Prague" }).format(new Date());
    const yesterday = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Prague" }).format(
      new Date(Date.now() - 86_400_000),
    );
    await page.getByLabel("Updated from").fill(yesterday);
    await expect(page).toHaveURL(new RegExp(`from=${yesterday}`));
    await expect(rows(page)).toHaveCount(1);
    await page.getByLabel("Updated to").fill(yesterday);
    await expect(page).toHaveURL(new RegExp(`to=${yesterday}`));
    await expect(page.getByText("No applications match these filters.")).toBeVisible();
    await page.getByLabel("Updated to").fill(today);
    await expect(page.getByRole("link", { name: `${t}-SENT` })).toBeVisible();

    // The URL is the whole state: opened afresh it shows the same list with the same filters chosen.
    await page.goto(page.url());
    await expect(page.getByRole("combobox", { name: "State" })).toHaveValue("READY_SHIPPED");
    await expect(page.getByLabel("Updated to")).toHaveValue(today);
    await expect(rows(page)).toHaveCount(1);
  });

  test("a date typed by keyboard applies once its year is whole, not at the year's first digits", async ({
    page,
  }) => {
    await page.goto("/applications");
    const from = page.getByLabel("Updated from");
    await from.focus();
    // Day and month (in the browser's order), then the year's first two digits: the box holds year 0020 for now.
    await page.keyboard.type("0112");
    await page.keyboard.type("20");
    await page.waitForTimeout(1_200);
    await expect(page).not.toHaveURL(/from=/);
    await page.keyboard.type("26");
    await expect(page).toHaveURL(/from=2026-(01-12|12-01)$/);
  });

  test("'Clear filters' sits in the filters' box: choosing a filter does not push the list down", async ({
    page,
    sandbox,
    baseURL,
  }) => {
    const t = token();
    await create(sandbox, baseURL as string, `${t}-A`, { stage: "sent" });
    await listed(page, `/applications?q=${t}`, 1);
    await page.goto("/applications");
    const table = page.getByRole("table");
    await expect(table).toBeVisible();
    const top = (await table.boundingBox())?.y;
    await page.getByRole("combobox", { name: "State" }).selectOption({ label: "Shipped" });
    await expect(page).toHaveURL(/\/applications\?state=READY_SHIPPED$/);
    const clear = page.getByRole("search").getByRole("link", { name: "Clear filters" });
    await expect(clear).toBeVisible();
    expect((await table.boundingBox())?.y).toBeCloseTo(top ?? 0, 0);
    await clear.click();
    await expect(page).toHaveURL(/\/applications$/);
    await expect(clear).toHaveCount(0);
    await expect(page.getByRole("combobox", { name: "State" })).toHaveValue("");
  });

  test("a filter chosen before the page is interactive is applied once it is", async ({
    page,
    sandbox,
    baseURL,
  }) => {
    const t = token();
    await create(sandbox, baseURL as string, `${t}-A`, { stage: "ready" });
    await create(sandbox, baseURL as string, `${t}-B`, { stage: "sent" });
    await listed(page, `/applications?q=${t}`, 2);
    const release = await openWithoutScripts(page, `/applications?q=${t}`);
    await page.getByRole("combobox", { name: "State" }).selectOption({ label: "Shipped" });
    release();
    await expect(page).toHaveURL(/state=READY_SHIPPED/);
    await expect(rows(page)).toHaveCount(1);
    await expect(page.getByRole("link", { name: `${t}-B` })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "State" })).toHaveValue("READY_SHIPPED");
  });

  test("without JavaScript the Search button still applies the filters", async ({
    browser,
    sandbox,
    baseURL,
  }) => {
    const t = token();
    await create(sandbox, baseURL as string, `${t}-A`, { stage: "ready" });
    await create(sandbox, baseURL as string, `${t}-B`, { stage: "sent" });
    const context = await browser.newContext({
      javaScriptEnabled: false,
      storageState: ".reports/auth/agent.json",
      locale: "en-GB",
    });
    const page = await context.newPage();
    await listed(page, `/applications?q=${t}`, 2);
    await page.getByRole("combobox", { name: "State" }).selectOption({ label: "Shipped" });
    await page.getByRole("button", { name: "Search" }).click();
    // The form posted every field; the page answers with the short link the interactive form makes.
    await expect(page).toHaveURL(new RegExp(`/applications\\?q=${t}&lookup=1&state=READY_SHIPPED$`));
    await expect(rows(page)).toHaveCount(1);
    await expect(page.getByRole("link", { name: `${t}-B` })).toBeVisible();
    await context.close();
  });
});

test.describe("finding an application by what a customer says", () => {
  test("an exact order number or application id opens the application whatever its case", async ({
    page,
    sandbox,
    baseURL,
  }) => {
    const t = token();
    const id = await create(sandbox, baseURL as string, `VR-${t}-1105`);
    await listed(page, `/applications?q=${t}`, 1);
    for (const term of [`vr-${t.toLowerCase()}-1105`, id.toUpperCase()]) {
      await page.goto("/applications");
      await page.getByRole("searchbox", { name: /Application ID, order number/ }).fill(term);
      await page.getByRole("button", { name: "Search" }).click();
      await expect(page).toHaveURL(new RegExp(`/applications/${id}$`));
    }
  });

  test("search by customer name (in any order: surname first too), e-mail and phone: partial, whatever the accents and case", async ({
    page,
    sandbox,
    baseURL,
  }) => {
    const t = token();
    const digits = String(Math.floor(100_000_000 + Math.random() * 899_999_999));
    const customer = {
      firstName: "Žofie",
      lastName: `Šťastná${t}`,
      email: `zofie.${t.toLowerCase()}@example.cz`,
      phone: `+420${digits}`,
    };
    await create(sandbox, baseURL as string, `${t}-C`, { customer });
    await create(sandbox, baseURL as string, `${t}-OTHER`);
    await listed(page, `/applications?q=${t}`, 2);
    const phonePart = `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
    for (const term of [
      `stastna${t.toLowerCase()}`,
      `ŽOFIE ŠŤASTNÁ${t}`,
      `Šťastná${t} Žofie`,
      `ofie.${t}@EXAMPLE`,
      phonePart,
    ]) {
      await page.goto(`/applications?q=${encodeURIComponent(term)}`);
      await expect(rows(page), term).toHaveCount(1);
      await expect(page.getByRole("link", { name: `${t}-C` })).toBeVisible();
    }
  });
});
