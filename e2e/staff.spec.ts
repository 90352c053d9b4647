import { createAccount, expect, holdScripts, pageAs, signedOutPage, signInAs, test } from "./fixtures";

test("an admin creates an account, the person signs in, and disabling it ends their session", async ({
  browser,
}) => {
  const admin = await pageAs(browser, "admin");
  const email = `new.agent.${Date.now()}@demo.cz`;
  await createAccount(admin, { email, name: "Nová Operátorka", password: "first-password-123" });
  const person = await signedOutPage(browser);
  await signInAs(person, email, "first-password-123");
  await expect(person.getByRole("banner")).toContainText("Nová Operátorka");

  // Disabling asks first; the question takes the keyboard, and Back returns it.
  const disable = admin.getByRole("button", { name: "Disable Nová Operátorka" });
  await disable.click();
  const confirm = admin.getByRole("button", { name: "Yes, disable Nová Operátorka" });
  await expect(confirm).toBeFocused();
  await admin.keyboard.press("Tab");
  await admin.keyboard.press("Enter");
  await expect(confirm).toBeHidden();
  await expect(disable).toBeFocused();
  await person.goto("/applications");
  await expect(person.getByRole("banner")).toContainText("Nová Operátorka");
  await disable.click();
  await confirm.click();
  await expect(
    admin.getByRole("status").filter({ hasText: "Nová Operátorka can no longer sign in." }),
  ).toBeVisible();
  await person.goto("/applications");
  await expect(person).toHaveURL(/\/login\?next=/);
  await expect(admin.getByRole("combobox", { name: "Role of Adam Marek" })).toBeDisabled();
  await admin.context().close();
  await person.context().close();
});

test("a role is chosen, then saved: the keyboard's arrows walk the roles without applying them, and focus stays", async ({
  browser,
}) => {
  const admin = await pageAs(browser, "admin");
  const email = `role.${Date.now()}@demo.cz`;
  await createAccount(admin, { email, name: "Role Zkušební", password: "role-password-123" });
  const role = admin.getByRole("combobox", { name: "Role of Role Zkušební" });
  await expect(role).toHaveValue("agent");
  await role.focus();
  await admin.keyboard.press("ArrowDown");
  await admin.keyboard.press("ArrowDown");
  await expect(role).toBeFocused();
  await expect(role).toHaveValue("admin");
  // Nothing is saved yet: the page read again still says Agent.
  await admin.reload();
  await expect(role).toHaveValue("agent");
  await role.selectOption("supervisor");
  await admin.getByRole("button", { name: "Save role of Role Zkušební" }).click();
  const outcome = admin.getByText("Role Zkušební is now Supervisor.");
  await expect(outcome).toBeVisible();
  await admin.reload();
  await expect(role).toHaveValue("supervisor");
  await expect(admin.getByRole("button", { name: "Save role of Role Zkušební" })).toHaveCount(0);
  await admin.context().close();
});

test("before the page is interactive, Enter in the new-account form sends nothing and no password reaches the address", async ({
  browser,
}) => {
  const admin = await pageAs(browser, "admin");
  const release = await holdScripts(admin);
  await admin.goto("/staff", { waitUntil: "commit" });
  await admin.getByRole("textbox", { name: "E-mail" }).fill(`early.${Date.now()}@demo.cz`);
  await admin.getByLabel("Initial password").fill("early-password-123");
  await expect(admin.getByRole("button", { name: "Create account" })).toBeDisabled();
  await admin.getByLabel("Initial password").press("Enter");
  await admin.waitForTimeout(500);
  expect(admin.url()).not.toContain("password");
  release();
  await expect(admin.getByRole("button", { name: "Create account" })).toBeEnabled();
  await admin.context().close();
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

test("an admin sets a new password: the old one stops working, the new one signs in", async ({ browser }) => {
  // Three sign-ins and an account creation: more than the default 30 s on a busy machine.
  test.slow();
  const admin = await pageAs(browser, "admin");
  const email = `reset.${Date.now()}@demo.cz`;
  await createAccount(admin, { email, name: "Rita Resetová", password: "first-password-123" });
  await admin.getByRole("button", { name: "Set password for Rita Resetová" }).click();
  const field = admin.getByLabel("New password for Rita Resetová");
  await field.fill("short");
  await admin.getByRole("button", { name: "Save password" }).click();
  await expect(field).toHaveAccessibleDescription("At least 10 characters.");
  await field.fill("second-password-456");
  await admin.getByRole("button", { name: "Save password" }).click();
  await expect(
    admin
      .getByRole("status")
      .filter({ hasText: "New password set for Rita Resetová; their sessions have ended." }),
  ).toBeVisible();

  const person = await signedOutPage(browser);
  await signInAs(person, email, "first-password-123");
  await expect(person.getByText("Wrong e-mail or password.")).toBeVisible();
  await signInAs(person, email, "second-password-456");
  await expect(person.getByRole("banner")).toContainText("Rita Resetová");
  await admin.context().close();
  await person.context().close();
});
