// Signs in each demo role through the real login page once, and keeps the session for the specs that act as it.
import { expect, test as setup } from "@playwright/test";
import { authFile, ROLES_FOR_TESTS } from "./roles";

for (const [role, email] of Object.entries(ROLES_FOR_TESTS)) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("textbox", { name: "E-mail" }).fill(email);
    await page.getByLabel("Password").fill("demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/applications$/);
    await page.context().storageState({ path: authFile(role as keyof typeof ROLES_FOR_TESTS) });
  });
}
