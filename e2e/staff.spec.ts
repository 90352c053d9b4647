import { expect, pageAs, test } from "./fixtures";

test("an admin creates an account, the person signs in, and disabling it ends their session", async ({
  browser,
}) => {
  const admin = await pageAs(browser, "admin");
  const email = `new.agent.${Date.now()}@demo.cz`;
  await admin.goto("/staff");
  await admin.getByRole("textbox", { name: "E-mail" }).fill(email);
  await admin.getByRole("textbox", { name: "Name" }).fill("Nová Operátorka");
  await admin.getByRole("combobox", { name: "Role", exact: true }).selectOption("agent");
  await admin.getByLabel("Initial password").fill("first-password-123");
  await admin.getByRole("button", { name: "Create account" }).click();
  await expect(admin.getByRole("status").filter({ hasText: `Account ${email} created.` })).toBeVisible();

  // A fresh browser with no session (the default one would be signed in as the agent).
  const person = await (
    await browser.newContext({ locale: "en-GB", storageState: { cookies: [], origins: [] } })
  ).newPage();
  await person.goto("/login");
  await person.getByRole("textbox", { name: "E-mail" }).fill(email);
  await person.getByLabel("Password").fill("first-password-123");
  await person.getByRole("button", { name: "Sign in" }).click();
  await expect(person.getByRole("banner")).toContainText("Nová Operátorka");

  await admin.getByRole("button", { name: "Disable Nová Operátorka" }).click();
  await expect(
    admin.getByRole("status").filter({ hasText: "Nová Operátorka can no longer sign in." }),
  ).toBeVisible();
  await person.goto("/applications");
  await expect(person).toHaveURL(/\/login\?next=/);
  await expect(admin.getByRole("combobox", { name: "Role of Adam Marek" })).toBeDisabled();
  await admin.context().close();
  await person.context().close();
});
