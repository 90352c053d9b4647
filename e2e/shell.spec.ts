import {
  expect,
  holdRequests,
  holdScripts,
  openApplication,
  pageAs,
  requestRefund,
  signedOutPage,
  signInAs,
  test,
} from "./fixtures";

test("the app shell has a header, main navigation and a main region", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("banner")).toContainText("Skip Pay Orders");
  await expect(page.getByRole("banner")).toContainText("Sandbox");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  // The home page is the applications list.
  await expect(page).toHaveURL(/\/applications$/);
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText("Applications");

  // The skip link is the first stop for keyboard users and lands on the main region.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
});

test("on a phone the header is one row: the navigation folds behind Menu, shows the current page, and closes on Escape and on navigating", async ({
  browser,
  page: agent,
  sandbox,
}) => {
  // A request waiting for a supervisor: its count beside the button must not push the header to two rows.
  test.setTimeout(60_000);
  // (A television: the refund is above the agent's limit, and within what the order can refund.)
  const { id } = await sandbox.create("delivered", [{ code: "TV", name: "Televize", unitPrice: 1_499_000 }]);
  await openApplication(agent, id);
  await requestRefund(agent, "6000");
  const page = await pageAs(browser, "supervisor");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/applications");
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toBeEnabled();
  // One row, with or without requests waiting (a count beside the button).
  expect((await page.getByRole("banner").boundingBox())?.height).toBeLessThanOrEqual(72);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav).toBeHidden();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeHidden();

  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "Applications" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();

  await menu.click();
  await nav.getByRole("link", { name: "Reports" }).click();
  await expect(page).toHaveURL(/\/reports$/);
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(nav).toBeHidden();

  // From 1024 px up the navigation is in the header's row, and there is no Menu.
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(menu).toBeHidden();
  await expect(nav.getByRole("link", { name: "Reports" })).toHaveAttribute("aria-current", "page");
  await page.context().close();
});

test("/healthz reports the version and a working database of the configured kind", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  const body = await response.json();
  expect(body.status).toBe("ok");
  expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(body.database).toMatchObject({
    status: "ok",
    kind: process.env.DATABASE_URL ? "postgres" : "pglite",
  });
});

test("an unknown address answers 404 with a way back, and an unknown application shows the staff layout's page", async ({
  page,
}) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page does not exist");
  // In the staff layout: the header with its menu, the staff member and the language switch.
  await expect(page.getByRole("banner")).toContainText("Skip Pay Orders");
  await expect(page.getByRole("banner").getByRole("link", { name: "Applications" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Čeština" })).toBeVisible();
  await page.getByRole("link", { name: "Go to applications" }).click();
  await expect(page).toHaveURL(/\/applications$/);

  // An API path that is not one answers as an API does.
  const api = await page.request.post("/api/no-such-thing", { data: {} });
  expect(api.status()).toBe(404);
  expect(await api.json()).toEqual({ error: "not_found" });

  await page.goto("/applications/0000000000");
  await expect(page.getByRole("banner")).toContainText("Skip Pay Orders");
});

test("the language switch keeps the keyboard's focus while it works and after", async ({ browser }) => {
  // The language is saved on the account: the viewer's, set back to English whatever happens.
  const page = await pageAs(browser, "viewer");
  try {
    await page.goto("/applications");
    await page.waitForLoadState("networkidle");
    const czech = page.getByRole("button", { name: "Čeština" });
    await czech.focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("html")).toHaveAttribute("lang", "cs");
    await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText("Žádosti");
    await expect(czech).toBeFocused();
    await expect(czech).toHaveAttribute("aria-pressed", "true");
    // From the same place, the keyboard goes on to the other language.
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "English" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("button", { name: "English" })).toBeFocused();
  } finally {
    if ((await page.locator("html").getAttribute("lang")) === "cs")
      await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  }
});

test("before the page is interactive, the language switch and Sign out still work (plain forms)", async ({
  browser,
}) => {
  // The viewer's language is saved on the account: set back to English whatever happens.
  const page = await pageAs(browser, "viewer");
  const release = await holdScripts(page);
  try {
    await page.goto("/applications?state=READY", { waitUntil: "commit" });
    await page.getByRole("button", { name: "Čeština" }).click();
    // The form posted; the same address comes back, in Czech, its scripts still held.
    await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText("Žádosti");
    await expect(page).toHaveURL(/\/applications\?state=READY$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "cs");
  } finally {
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    release();
    await page.context().close();
  }

  // A session of its own: signing out must not end the one the other tests share.
  const own = await signedOutPage(browser);
  await signInAs(own, "supervisor@demo.cz", "demo-password");
  await expect(own).toHaveURL(/\/applications$/);
  await holdScripts(own);
  await own.goto("/applications", { waitUntil: "commit" });
  const hasSession = async () =>
    (await own.context().cookies()).some((c) => c.name.endsWith("session_token") && c.value !== "");
  expect(await hasSession()).toBe(true);
  await own.getByRole("button", { name: "Sign out" }).click();
  await expect(own).toHaveURL(/\/login$/);
  // The answer cleared the browser's session cookie too, not only the session.
  expect(await hasSession()).toBe(false);
  await own.goto("/applications", { waitUntil: "commit" });
  await expect(own).toHaveURL(/\/login\?next=/);
  await own.context().close();
});

test("a page's messages come from a file the browser keeps, not inside each page's HTML", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered");
  const html = await (await page.request.get(`/applications/${id}`)).text();
  // The order page used to carry its ≈40 kB of messages in every view's RSC payload.
  expect(html).not.toContain("planIssues");
  // Yet its client components are in the HTML, written on the server with the same messages.
  expect(html).toMatch(/Money only — refund amount|Jen peníze — vrácení částky/);
  const src = html.match(
    /<link rel="preload" as="fetch" href="(\/api\/messages\/(?:cs|en)\/order\?v=[\w-]+)"/,
  )?.[1];
  expect(src).toBeTruthy();
  const file = await page.request.get(src as string);
  expect(file.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(Object.keys(await file.json())).toEqual(expect.arrayContaining(["nav", "workspace", "planIssues"]));

  // The page reads its messages from there, fetched once (the preload and the page's own read are one request).
  const fetched: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/messages/")) fetched.push(r.url());
  });
  await openApplication(page, id);
  await page.waitForLoadState("networkidle");
  expect(fetched).toHaveLength(1);
  await page.getByRole("radio", { name: /Money only — refund amount/ }).check();
  await page.getByRole("textbox", { name: "Amount to refund" }).fill("-5");
  await expect(page.getByRole("complementary")).toContainText("The amount must be positive.");
});

test("when the page's messages do not load, the error page says so and Try again loads them", async ({
  page,
  sandbox,
}) => {
  const { id } = await sandbox.create("delivered");
  let fail = true;
  let refused = 0;
  await page.route("**/api/messages/**", (route) => {
    if (!fail) return route.fallback();
    refused += 1;
    return route.abort("connectionrefused");
  });
  await page.goto(`/applications/${id}`);
  const alert = page.getByRole("alert").filter({ hasText: "Something went wrong" });
  await expect(alert).toBeVisible();
  // Then nothing more is tried in the background (it once fetched thousands of times, behind a loading page).
  const tried = refused;
  expect(tried).toBeLessThanOrEqual(3);
  await page.waitForTimeout(1_000);
  expect(refused).toBe(tried);
  fail = false;
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(alert).toBeHidden();
  await page.getByRole("radio", { name: /Money only — refund amount/ }).check();
  await expect(page.getByRole("textbox", { name: "Amount to refund" })).toBeVisible();
});

test("a link to a page whose messages are not in yet keeps the current page on screen, then shows the new one", async ({
  page,
}) => {
  await page.goto("/applications");
  await page.waitForLoadState("networkidle");
  const release = await holdRequests(page, "**/api/messages/*/requests*");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My requests" }).click();
  await page.waitForTimeout(500);
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText("Applications");
  release();
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText("My requests");
  await expect(page).toHaveURL(/\/requests$/);
});
