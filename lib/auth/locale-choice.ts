// Choosing the UI language: for this browser (a cookie) and, when signed in, for the person (their profile).
// One rule behind the language switch's server action and its form endpoint (app/api/session/locale), and what
// signing in does with it. Server-only.
import "server-only";
import { cookies } from "next/headers";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { isLocale, LOCALE_COOKIE, LOCALES } from "@/lib/i18n/config";
import { currentStaff } from "./session";
import { setLocale as saveLocale } from "./users";

const localeSchema = z.enum(LOCALES as ["cs", "en"]);

/** Set when someone picks a language on the sign-in page: the person who signs in next meant it for themselves. */
const CHOSEN_SIGNED_OUT = "locale-chosen";

const cookieOptions = { path: "/", sameSite: "lax", httpOnly: true } as const;

export async function chooseLocale(input: unknown): Promise<{ ok: true } | { ok: false; error: "invalid" }> {
  const parsed = localeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid" };
  const jar = await cookies();
  jar.set(LOCALE_COOKIE, parsed.data, { ...cookieOptions, maxAge: 60 * 60 * 24 * 365 });
  const staff = await currentStaff();
  if (staff) await saveLocale(await getDb(), staff.id, parsed.data);
  // Half an hour: a language left by someone who walked away from a shared computer is not the next person's.
  else jar.set(CHOSEN_SIGNED_OUT, "1", { ...cookieOptions, maxAge: 30 * 60 });
  return { ok: true };
}

/**
 * Just signed in: a language chosen on the sign-in page wins and becomes theirs; otherwise their own language
 * follows them to this browser.
 */
export async function localeAfterSignIn(staff: { id: string; locale: string | null }): Promise<void> {
  const jar = await cookies();
  const current = jar.get(LOCALE_COOKIE)?.value;
  if (jar.get(CHOSEN_SIGNED_OUT) && isLocale(current)) {
    jar.delete(CHOSEN_SIGNED_OUT);
    if (current !== staff.locale) await saveLocale(await getDb(), staff.id, current);
    return;
  }
  if (staff.locale) jar.set(LOCALE_COOKIE, staff.locale, { ...cookieOptions, maxAge: 60 * 60 * 24 * 365 });
}
