// /reports and its CSV export against the production build: a supervisor's refund shows in the totals, the table
// and the download; viewers read the page but cannot download; agents and signed-out callers are refused.
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { buildApplicationRequest, type LineSpec } from "@/lib/sandbox/builders";
import {
  expect,
  openApplication,
  pageAs,
  refund,
  requestRefund,
  type Sandbox,
  signedOutPage,
  TOTAL,
  test,
} from "./fixtures";

const czk = (minor: number) =>
  new Intl.NumberFormat("en-GB", { style: "currency", currency: "CZK" }).format(minor / 100);
/** "CZK 1,234.50" → 123450 */
const minorOf = (text: string) => Math.round(Number(text.replace(/[^\d.-]/g, "")) * 100);

test("a supervisor's refund shows in the totals, the table and the CSV download", async ({
  browser,
  sandbox,
}) => {
  // A refund, three report loads and a download in one story: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const supervisor = await pageAs(browser, "supervisor");
  const refundsTotal = supervisor
    .getByRole("listitem")
    .filter({ hasText: "Amount-only refunds" })
    .getByRole("link");
  await supervisor.goto("/reports?range=today");
  await expect(supervisor.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  const before = minorOf((await refundsTotal.textContent()) ?? "");

  const { id, orderNumber } = await sandbox.create("delivered");
  await openApplication(supervisor, id);
  await refund(supervisor, "1 234,50");
  await expect(supervisor.getByTestId("current-total")).toHaveText(czk(TOTAL - 123_450));

  await supervisor.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
  await supervisor.getByRole("link", { name: "Today" }).click();
  await expect(supervisor).toHaveURL(/\/reports\?range=today/);
  await expect(refundsTotal).toHaveText(czk(before + 123_450));
  await expect(
    supervisor.getByRole("img", { name: /^Chart: cancelled, returned and refunded value/ }),
  ).toBeVisible();

  // The table under the chart: today's row and the total carry the same figure as the totals.
  const table = supervisor.getByRole("table", { name: "Per day: the numbers in the chart" });
  const column = await table.getByRole("columnheader").allTextContents();
  const refunded = column.findIndex((c) => /amount-only refunds/i.test(c));
  expect(refunded).toBeGreaterThan(0);
  for (const row of [table.getByRole("row").nth(1), table.getByRole("row").last()])
    await expect(row.getByRole("cell").nth(refunded - 1)).toHaveText(czk(before + 123_450));
  // The split by reason has a goodwill row, and the figure leads to the application.
  const byReason = supervisor.getByRole("table", { name: "By reason" });
  await expect(byReason.getByRole("rowheader", { name: "Goodwill gesture" })).toBeVisible();
  await refundsTotal.click();
  await expect(supervisor).toHaveURL(/\/applications\?opFrom=.*opMetric=refunded/);
  await expect(supervisor.getByRole("link", { name: orderNumber })).toBeVisible();
  // Back to the report's own period, not to this month.
  await expect(supervisor.getByRole("link", { name: "Back to reports" })).toHaveAttribute(
    "href",
    /^\/reports\?range=custom&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/,
  );
  // A figure per staff member: the list says whose operations it counts.
  await supervisor.goto("/reports?range=today");
  await supervisor
    .getByRole("table", { name: "By staff member" })
    .getByRole("row")
    .filter({ hasText: "Simona Dušková" })
    .getByRole("link")
    .first()
    .click();
  await expect(supervisor).toHaveURL(/opActor=/);
  await expect(supervisor.getByText(/Counted: Simona Dušková\./)).toBeVisible();

  await supervisor.goto("/reports?range=today");
  const [download] = await Promise.all([
    supervisor.waitForEvent("download"),
    supervisor.getByRole("link", { name: "Download CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(
    /^skippay-operations-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/,
  );
  const bytes = await readFile(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).split("\r\n");
  expect(lines[0]).toBe(
    "Date and time,Order number,Variable symbol,Application ID,Operation,Items and quantities,Refund (CZK),VAT per rate (CZK),Financing type,Done by,Approved or rejected by,Reason,Skip Pay ticket ID,Outcome",
  );
  const row = lines.find((l) => l.includes(orderNumber));
  expect(row).toMatch(
    new RegExp(`,${orderNumber},\\d*,${id},Amount-only refund,,1234\\.50,.*,Goodwill gesture,.*,Done$`),
  );
  await supervisor.context().close();
});

test("in Czech the CSV is `;`-separated with Czech headings", async ({ browser }) => {
  const supervisor = await pageAs(browser, "supervisor");
  const response = await supervisor.request.get("/reports/export?range=month", {
    headers: { "accept-language": "cs-CZ,cs;q=0.9" },
  });
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="skippay-operace-/);
  const text = (await response.body()).toString("utf8");
  expect(text.startsWith("\uFEFFDatum a čas;Číslo objednávky;Variabilní symbol;ID žádosti;Operace;")).toBe(
    true,
  );
  // Every data row starts with its date and time, then the `;`.
  for (const line of text.slice(1).split("\r\n").slice(1, -1))
    expect(line).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2};/);
  await supervisor.context().close();
});

/** An approved application whose notifications go to the shop's own address, not to this admin. */
async function unnotified(sandbox: Sandbox, lines: LineSpec[]): Promise<{ id: string; orderNumber: string }> {
  const orderNumber =
    `E2E-RR-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
  const created = await sandbox.call(
    "POST",
    "/financing/v1/applications",
    buildApplicationRequest({ orderNumber, lines }),
  );
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  await sandbox.call("POST", `/control/applications/${id}/approve`);
  return { id, orderNumber };
}

test("reconciliation lists an application changed outside this admin; Re-read all brings its next change", async ({
  browser,
  sandbox,
}) => {
  // Three order page loads, two report loads and a re-read that waits out one slow read.
  test.setTimeout(90_000);
  // Pricier than anything else the suite creates, so both are among the largest differences listed.
  const price = 9_876_500;
  const lamp = 150_000;
  const { id, orderNumber } = await unnotified(sandbox, [
    { code: "SOFA", name: "Pohovka", unitPrice: price },
    { code: "LAMP", name: "Lampa", unitPrice: lamp },
  ]);
  const slow = await unnotified(sandbox, [{ code: "BED", name: "Postel", unitPrice: price * 2 }]);
  const supervisor = await pageAs(browser, "supervisor");
  const cancelAtSkipPay = async (appId: string, body: unknown) =>
    expect((await sandbox.call("PUT", `/financing/v1/applications/${appId}/order/cancel`, body)).status).toBe(
      200,
    );
  // The shop's system cancels the lamp straight at Skip Pay; reading the order again brings the index up to date.
  await openApplication(supervisor, id);
  await cancelAtSkipPay(id, { items: [{ code: "LAMP" }] });
  await supervisor.reload();
  await expect(supervisor.getByTestId("current-total")).toHaveText(czk(price));
  await openApplication(supervisor, slow.id);
  await cancelAtSkipPay(slow.id, {});
  await supervisor.reload();
  await expect(supervisor.getByTestId("current-total")).toHaveText(czk(0));

  await supervisor.goto("/reports");
  const table = supervisor.getByRole("table", { name: "Applications whose total differs from the journal" });
  const row = table.getByRole("row").filter({ has: supervisor.getByRole("link", { name: orderNumber }) });
  // No operation was made here, so nothing speaks of "the last operation here".
  const outside = /^Changed outside this admin: Skip Pay's total as read .+; no operation was made here$/;
  await expect(row.getByRole("cell")).toHaveText([czk(price), czk(price + lamp), czk(-lamp), "–", outside]);

  // Then the sofa too, and nothing tells the admin: the list shows what it last read.
  await cancelAtSkipPay(id, {});
  await supervisor.reload();
  await expect(row.getByRole("cell").first()).toHaveText(czk(price));
  // One read that Skip Pay holds past the client's timeout, so the progress is there to see.
  await sandbox.fault("timeout", `/financing/v1/applications/${slow.id}`, "GET");
  await supervisor.getByRole("button", { name: "Re-read all" }).click();
  await expect(supervisor.getByRole("progressbar", { name: "Re-reading from Skip Pay" })).toBeVisible();
  await expect(supervisor.getByRole("status").filter({ hasText: "from Skip Pay" })).toHaveText(
    /^Re-read \d+ applications? from Skip Pay: \d+ now/,
    {
      timeout: 30_000,
    },
  );
  await expect(supervisor.getByRole("progressbar")).toHaveCount(0);
  await expect(row.getByRole("cell")).toHaveText([
    czk(0),
    czk(price + lamp),
    czk(-(price + lamp)),
    "–",
    outside,
  ]);
  await supervisor.context().close();
});

test("no serious or critical axe violations on /reports, at desktop and phone width", async ({ browser }) => {
  test.setTimeout(90_000);
  const supervisor = await pageAs(browser, "supervisor");
  for (const width of [1440, 390]) {
    await supervisor.setViewportSize({ width, height: 900 });
    await supervisor.goto("/reports?range=month");
    const results = await new AxeBuilder({ page: supervisor }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious, `${width} px`).toEqual([]);
  }
  await supervisor.context().close();
});

test("a viewer reads the report but cannot download it", async ({ browser }) => {
  const viewer = await pageAs(browser, "viewer");
  await viewer.goto("/reports");
  await expect(viewer.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  await expect(
    viewer.getByText("You can read this report; downloading it is for supervisors and admins."),
  ).toBeVisible();
  await expect(viewer.getByRole("link", { name: "Download CSV" })).toHaveCount(0);
  const response = await viewer.request.get("/reports/export?range=today");
  expect(response.status()).toBe(403);
  expect(await response.json()).toEqual({ error: "forbidden" });
  await viewer.context().close();
});

test("agents are refused the page and the export, and see no link to it", async ({ page }) => {
  await page.goto("/applications");
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }),
  ).toHaveCount(0);
  await page.goto("/reports");
  await expect(page.getByRole("heading", { name: "Your role does not allow this" })).toBeVisible();
  const response = await page.request.get("/reports/export");
  expect(response.status()).toBe(403);
});

test("signed out: the page sends you to sign in, the export answers 401; a bad query is a 400", async ({
  browser,
}) => {
  const anonymous = await signedOutPage(browser);
  await anonymous.goto("/reports?range=week");
  await expect(anonymous).toHaveURL(/\/login\?next=%2Freports%3Frange%3Dweek$/);
  expect((await anonymous.request.get("/reports/export")).status()).toBe(401);
  await anonymous.context().close();
  const admin = await pageAs(browser, "admin");
  expect((await admin.request.get("/reports/export?range=yesterday")).status()).toBe(400);
  expect((await admin.request.get("/reports/export?range=custom&from=2026-13-40")).status()).toBe(400);
  await admin.context().close();
});

test("at 390 px the report fits the phone, with requests waiting and seven-digit totals; tables scroll in named regions", async ({
  page,
  browser,
  sandbox,
}) => {
  test.setTimeout(60_000);
  // A request waiting for approval: the supervisor's navigation counts it beside "Approvals".
  const waiting = await sandbox.create("delivered", [{ code: "TV", name: "Televize", unitPrice: 1_499_000 }]);
  await openApplication(page, waiting.id);
  await requestRefund(page, "6000");
  const supervisor = await pageAs(browser, "supervisor");
  // A month with a refund of over a million: the widest figures the totals show.
  const { id } = await sandbox.create("delivered", [
    { code: "CAR", name: "Automobil", unitPrice: 150_000_000 },
  ]);
  await openApplication(supervisor, id);
  await refund(supervisor, "1234567");
  await expect(supervisor.getByRole("status").filter({ hasText: "the customer owes" })).toBeVisible();
  await supervisor.setViewportSize({ width: 390, height: 844 });
  await supervisor.goto("/reports?range=month");
  await expect(supervisor.getByRole("heading", { name: "Reports", level: 1 })).toBeVisible();
  const table = supervisor.getByRole("table").first();
  await expect(table).toBeVisible();
  expect(await supervisor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Each total fits its card.
  const totals = supervisor.getByRole("region", { name: "Total" }).getByRole("listitem");
  await expect(totals).toHaveCount(4);
  for (const card of await totals.all())
    expect(
      await card.evaluate((el) => el.scrollWidth <= el.clientWidth),
      String(await card.textContent()),
    ).toBe(true);
  // A table wider than the phone scrolls inside its region, which has a name and can be reached by keyboard.
  const caption = (await table.locator("caption").textContent())?.trim() ?? "";
  const region = supervisor.getByRole("region", { name: caption });
  await expect(region).toHaveAttribute("tabindex", "0");
  await supervisor.context().close();
});

test("a custom period from an edited address is never changed without a word", async ({ browser }) => {
  const supervisor = await pageAs(browser, "supervisor");
  await supervisor.goto("/reports?range=custom&from=2024-01-01&to=2026-12-01");
  await expect(supervisor.getByRole("status").filter({ hasText: "at most 370 days" })).toBeVisible();
  await supervisor.goto("/reports?range=custom&from=2026-13-01&to=2026-12-01");
  await expect(supervisor.getByRole("status").filter({ hasText: "could not be read" })).toBeVisible();
  await supervisor.goto("/reports?range=custom&from=2026-11-01&to=2026-11-30");
  await expect(
    supervisor.getByRole("status").filter({ hasText: /could not be read|at most|wrong way/ }),
  ).toHaveCount(0);
  await supervisor.context().close();
});
