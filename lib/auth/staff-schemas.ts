// Forms for managing staff accounts (admin only), shared by the browser and the server actions. Every check names
// its message code (staffPage.errors.*): the form never shows an untranslated one.
import { z } from "zod";
import { ROLES } from "./roles";

const password = () => z.string().min(10, "password_short").max(200, "too_long");
const userId = () => z.string().min(1, "invalid").max(64, "invalid");

export const newStaffSchema = z.object({
  email: z.email("email_invalid").max(254, "too_long"),
  name: z.string().trim().min(1, "name_required").max(100, "too_long"),
  role: z.enum(ROLES, "invalid"),
  password: password(),
});

export const staffChangeSchema = z.discriminatedUnion("change", [
  z.object({ change: z.literal("role"), userId: userId(), role: z.enum(ROLES, "invalid") }),
  z.object({ change: z.literal("disabled"), userId: userId(), disabled: z.boolean("invalid") }),
  z.object({ change: z.literal("password"), userId: userId(), password: password() }),
]);
