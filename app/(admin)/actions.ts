"use server";
// App-wide server actions.
import { z } from "zod";
import { chooseLocale } from "@/lib/auth/locale-choice";
import { currentStaff } from "@/lib/auth/session";
import { getOperations } from "@/lib/operations/server";

/** Switches the UI language (lib/auth/locale-choice.ts). */
export async function setLocale(input: unknown): Promise<{ ok: true } | { ok: false; error: "invalid" }> {
  return chooseLocale(input);
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
