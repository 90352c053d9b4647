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

test("the new-account form names each wrong field in the staff member's language and creates nothing", async ({
  browser,
}) => {
  const admin = await pageAs(browser, "admin");
  await admin.goto("/staff");
  const email = admin.getByRole("textbox", { name: "E-mail" });
  const name = admin.getByRole("textbox", { name: "Name" });
  const password = admin.getByLabel("Initial password");
  const people = admin.getByRole("heading", { level: 2, name: /\d+ (person|people)$/ });
  const before = await people.textContent();

  await email.fill("not-an-address");
  await name.fill("   ");
  await password.fill("short");
  await admin.getByRole("button", { name: "Create account" }).click();
  await expect(email).toHaveAccessibleDescription("Enter an e-mail address.");
  await expect(name).toHaveAccessibleDescription("Enter a name.");
  await expect(password).toHaveAccessibleDescription(/At least 10 characters\.$/);

  // Over-long values get a message too, never an untranslated validator text.
  await email.fill(`${"a".repeat(250)}@demo.cz`);
  await name.fill("N".repeat(101));
  await password.fill("p".repeat(201));
  await admin.getByRole("button", { name: "Create account" }).click();
  await expect(name).toHaveAccessibleDescription("Too long.");
  await expect(password).toHaveAccessibleDescription(/Too long\.$/);
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(admin.getByRole("status").filter({ hasText: "created" })).toHaveCount(0);
  await admin.reload();
  await expect(people).toHaveText(before ?? "");
  await admin.context().close();
});
