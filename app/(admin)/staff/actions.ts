"use server";
// Staff account management: admins only, checked here on the server.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { ACTION_ACCESS } from "@/lib/auth/action-access";
import { getAuth } from "@/lib/auth/auth";
import { authorize } from "@/lib/auth/session";
import { newStaffSchema, staffChangeSchema } from "@/lib/auth/staff-schemas";
import { createStaffUser, StaffExistsError, setDisabled, setPassword, setRole } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";

export type StaffResult =
  | { ok: true }
  | {
      ok: false;
      error: "unauthenticated" | "forbidden" | "invalid" | "exists" | "self";
      fields?: Record<string, string>;
    };

// Who may call what (proxy.ts refuses the others before they get here; this is the second check).
const access = ACTION_ACCESS["app/(admin)/staff/actions.ts"];

/** Which field is wrong and why (an error code per field; "form" when the input is not even an object). */
function invalid(error: z.core.$ZodError): StaffResult {
  return {
    ok: false,
    error: "invalid",
    fields: Object.fromEntries(error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])),
  };
}

export async function createStaff(input: unknown): Promise<StaffResult> {
  const auth = await authorize(access.createStaff);
  if (!auth.ok) return { ok: false, error: auth.reason };
  const parsed = newStaffSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    await createStaffUser(await getAuth(), await getDb(), parsed.data);
  } catch (error) {
    if (error instanceof StaffExistsError) return { ok: false, error: "exists" };
    throw error;
  }
  revalidatePath("/staff");
  return { ok: true };
}

export async function changeStaff(input: unknown): Promise<StaffResult> {
  const auth = await authorize(access.changeStaff);
  if (!auth.ok) return { ok: false, error: auth.reason };
  const parsed = staffChangeSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  const change = parsed.data;
  // Nobody locks themselves out: no demoting or disabling your own account here.
  if (change.userId === auth.staff.id && change.change !== "password") return { ok: false, error: "self" };
  const db = await getDb();
  if (change.change === "role") await setRole(db, change.userId, change.role);
  else if (change.change === "disabled")
    await setDisabled(await getAuth(), db, change.userId, change.disabled);
  else if (!(await setPassword(await getAuth(), db, change.userId, change.password)))
    return { ok: false, error: "invalid", fields: { userId: "unknown" } };
  revalidatePath("/staff");
  return { ok: true };
}
