// Forms for managing staff accounts (admin only), shared by the browser and the server actions.
import { z } from "zod";
import { ROLES } from "./roles";

export const newStaffSchema = z.object({
  email: z.email("email_invalid").max(254),
  name: z.string().trim().min(1, "name_required").max(100),
  role: z.enum(ROLES),
  password: z.string().min(10, "password_short").max(200),
});

export const staffChangeSchema = z.discriminatedUnion("change", [
  z.object({ change: z.literal("role"), userId: z.string().min(1).max(64), role: z.enum(ROLES) }),
  z.object({ change: z.literal("disabled"), userId: z.string().min(1).max(64), disabled: z.boolean() }),
  z.object({
    change: z.literal("password"),
    userId: z.string().min(1).max(64),
    password: z.string().min(10, "password_short").max(200),
  }),
]);
