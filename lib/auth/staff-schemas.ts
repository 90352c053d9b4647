// Forms for managing staff accounts (admin only), shared by the browser and the server actions. zod/mini, like the
// order forms, so the browser loads one flavour of zod (classic zod here added ≈4 kB gzip to the chunks the order
// page shares). Every check names its message code (staffPage.errors.*): the form never shows an untranslated one.
import * as z from "zod/mini";
import { ROLES } from "./roles";

const password = () => z.string().check(z.minLength(10, "password_short"), z.maxLength(200, "too_long"));
const userId = () => z.string().check(z.minLength(1, "invalid"), z.maxLength(64, "invalid"));

export const newStaffSchema = z.object({
  email: z.email("email_invalid").check(z.maxLength(254, "too_long")),
  name: z.string().check(z.trim(), z.minLength(1, "name_required"), z.maxLength(100, "too_long")),
  role: z.enum(ROLES, "invalid"),
  password: password(),
});

export const staffChangeSchema = z.discriminatedUnion("change", [
  z.object({ change: z.literal("role"), userId: userId(), role: z.enum(ROLES, "invalid") }),
  z.object({ change: z.literal("disabled"), userId: userId(), disabled: z.boolean("invalid") }),
  z.object({ change: z.literal("password"), userId: userId(), password: password() }),
]);
