import { createAccount, expect, holdScripts, pageAs, signedOutPage, signInAs, test } from "./fixtures";

test.use({ storageState: { cookies: [], origins: [] } });

test("a wrong password is refused; the right one signs in (and stays on this site); signing out ends the session", async ({
  page,
}) => {
  // A crafted return address: browsers drop the tab and would go to //evil.example.
  await page.goto(`/login?next=${encodeURIComponent("/\t/evil.example/phish")}`);
  await expect(page.getByRole("region", { name: "Sandbox demo accounts" })).toContainText(
    "supervisor@demo.cz (Supervisor)",
  );
  await expect(page.getByRole("region", { name: "Sandbox demo accounts" })).toContainText(
    "admin@demo.cz (Administrator)",
  );
  await page.getByRole("textbox", { name: "E-mail" }).fill("supervisor@demo.cz");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong e-mail or password." })).toBeVisible();
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/applications$/);
  await expect(page.getByRole("banner")).toContainText("Simona Dušková");
  await expect(page.getByRole("link", { name: "Approvals" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/applications");
  await expect(page).toHaveURL(/\/login\?next=/);
});

test("before the page is interactive, Enter signs nothing in and never puts the password in the address", async ({
  page,
}) => {
  const release = await holdScripts(page);
  await page.goto("/login", { waitUntil: "commit" });
  await page.getByRole("textbox", { name: "E-mail" }).fill("supervisor@demo.cz");
  await page.getByLabel("Password").fill("demo-password");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();
  await page.getByLabel("Password").press("Enter");
  // A plain GET form would have gone to /login?email=…&password=… by now.
  await page.waitForTimeout(500);
  expect(page.url()).not.toContain("password");
  release();
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/applications$/);
});

test("a language chosen on the sign-in page is the one the app opens in, and becomes the person's own", async ({
  browser,
}) => {
  const admin = await pageAs(browser, "admin");
  const email = `jazyk.${Date.now()}@demo.cz`;
  await createAccount(admin, { email, name: "Jana Jazyková", password: "jazyk-password-1" });
  await admin.context().close();

  const first = await signedOutPage(browser);
  await first.goto("/login");
  await first.getByRole("button", { name: "Čeština" }).click();
  await expect(first.locator("html")).toHaveAttribute("lang", "cs");
  await first.getByRole("textbox", { name: "E-mail" }).fill(email);
  await first.getByLabel("Heslo").fill("jazyk-password-1");
  await first.getByRole("button", { name: "Přihlásit" }).click();
  await expect(first).toHaveURL(/\/applications$/);
  await expect(first.getByRole("main").getByRole("heading", { level: 1 })).toHaveText("Žádosti");
  await first.context().close();

  // Another browser that asks for English: the person's language, chosen at the last sign-in, wins.
  const second = await signedOutPage(browser);
  await signInAs(second, email, "jazyk-password-1");
  await expect(second).toHaveURL(/\/applications$/);
  await expect(second.locator("html")).toHaveAttribute("lang", "cs");
  await second.context().close();
});

test("sign-in is rate limited per account: after 10 failures the account waits, whatever the password", async ({
  page,
  request,
  baseURL,
}) => {
  // A throwaway address: the throttle counts attempts per account, existing or not.
  const email = `nobody.${Date.now()}@demo.cz`;
  for (let i = 0; i < 10; i++) {
    await request.post("/api/auth/sign-in/email", {
      headers: { origin: baseURL as string },
      data: { email, password: `guess-${i}` },
    });
  }
  await page.goto("/login");
  await page.getByRole("textbox", { name: "E-mail" }).fill(email);
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: /Too many attempts\. Try again in 1[45] minutes\./ }),
  ).toBeVisible();
});

test("guesses at a colleague's account do not lock them out of the browser they signed in with before", async ({
  browser,
  request,
  baseURL,
}) => {
  // Fourteen password hashes (≈0.2 s each, several times that on a busy 2-core CI machine).
  test.setTimeout(60_000);
  const email = `locked.out.${Date.now()}@demo.cz`;
  const admin = await pageAs(browser, "admin");
  await createAccount(admin, { email, name: "Olga Zamčená", password: "olga-password-1" });
  await admin.context().close();
  // Olga signs in at her desk, and out again.
  const desk = await signedOutPage(browser);
  await signInAs(desk, email, "olga-password-1");
  await expect(desk.getByRole("banner")).toContainText("Olga Zamčená");
  await desk.getByRole("button", { name: "Sign out" }).click();
  await expect(desk).toHaveURL(/\/login$/);

  // Someone else guesses her password until the account is locked for every other browser.
  for (let i = 0; i < 10; i++) {
    await request.post("/api/auth/sign-in/email", {
      headers: { origin: baseURL as string },
      data: { email, password: `guess-${i}` },
    });
  }
  const elsewhere = await signedOutPage(browser);
  await signInAs(elsewhere, email, "olga-password-1");
  await expect(
    elsewhere.getByRole("alert").filter({ hasText: /Too many attempts\. Try again in 1[45] minutes\./ }),
  ).toBeVisible();
  await elsewhere.context().close();

  // Her own browser still signs in.
  await signInAs(desk, email, "olga-password-1");
  await expect(desk.getByRole("banner")).toContainText("Olga Zamčená");
  await desk.context().close();
});
