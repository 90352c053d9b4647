"use server";
import { localeAfterSignIn } from "@/lib/auth/locale-choice";
import { currentStaff } from "@/lib/auth/session";

/** After signing in: the language chosen on the sign-in page, else the staff member's own, in this browser. */
export async function afterSignIn(): Promise<{ ok: boolean }> {
  const staff = await currentStaff();
  if (!staff) return { ok: false };
  await localeAfterSignIn(staff);
  return { ok: true };
}
