"use server";
import { cookies } from "next/headers";
import { currentStaff } from "@/lib/auth/session";
import { LOCALE_COOKIE } from "@/lib/i18n/config";

/** After signing in: the staff member's chosen language follows them to this browser. */
export async function afterSignIn(): Promise<{ ok: boolean }> {
  const staff = await currentStaff();
  if (!staff) return { ok: false };
  if (staff.locale) {
    (await cookies()).set(LOCALE_COOKIE, staff.locale, {
      path: "/",
      maxAge: 60 * 60 * 24 * 365,
      sameSite: "lax",
      httpOnly: true,
    });
  }
  return { ok: true };
}
