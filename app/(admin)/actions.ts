"use server";
// App-wide server actions.
import { cookies } from "next/headers";
import { z } from "zod";
import { currentStaff } from "@/lib/auth/session";
import { setLocale as saveLocale } from "@/lib/auth/users";
import { getDb } from "@/lib/db/client";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/config";
import { getOperations } from "@/lib/operations/server";

const localeSchema = z.enum(LOCALES as ["cs", "en"]);

/** Switches the UI language: for this browser (a cookie) and, when signed in, for the person (their profile). */
export async function setLocale(input: unknown): Promise<{ ok: true } | { ok: false; error: "invalid" }> {
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

const seenSchema = z.array(z.string().min(1).max(64)).max(100);

/** The decision notice reached the agent's screen: its decisions are not shown again. Only the agent's own. */
export async function decisionsSeen(input: unknown): Promise<{ ok: boolean }> {
  const parsed = seenSchema.safeParse(input);
  const staff = await currentStaff();
  if (!parsed.success || !staff) return { ok: false };
  await (await getOperations()).markDecisionsSeen(staff.id, parsed.data);
  return { ok: true };
}
