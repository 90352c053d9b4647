// Choosing the UI language: for this browser (a cookie) and, when signed in, for the person (their profile).
// One rule behind the language switch's server action and its form endpoint (app/api/session/locale). Server-only.
import "server-only";
import { cookies } from "next/headers";
import { z } from "zod";
import { getDb } from "@/lib/db/client";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/config";
import { currentStaff } from "./session";
import { setLocale as saveLocale } from "./users";

const localeSchema = z.enum(LOCALES as ["cs", "en"]);

export async function chooseLocale(input: unknown): Promise<{ ok: true } | { ok: false; error: "invalid" }> {
  const parsed = localeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: "invalid" };
  (await cookies()).set(LOCALE_COOKIE, parsed.data, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
  });
  const staff = await currentStaff();
  if (staff) await saveLocale(await getDb(), staff.id, parsed.data);
  return { ok: true };
}
