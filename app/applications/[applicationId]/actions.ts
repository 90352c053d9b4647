"use server";
// Server actions of the application page. Thin: parse with the form's own schema, then lib/ does the work.
import type { z } from "zod";
import { config } from "@/lib/config";
import { upsertApplication } from "@/lib/db/applications";
import { getDb } from "@/lib/db/client";
import { performOperation, skippayFailure } from "@/lib/operations/perform";
import { operationFormSchema, sandboxDecisionSchema } from "@/lib/orders/intents";
import type { DecisionResult, OperationResult } from "@/lib/orders/outcome";
import { skippay } from "@/lib/skippay/client";

function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "form";
    out[path] = [...(out[path] ?? []), issue.message];
  }
  return out;
}

/** Cancel, return, refund, mark sent/delivered or cancel the application — whatever the form asks for. */
export async function submitOperation(input: unknown): Promise<OperationResult> {
  const parsed = operationFormSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, failure: { kind: "invalid", fieldErrors: fieldErrors(parsed.error) } };
  return performOperation(parsed.data);
}

/** Sandbox only: play Skip Pay's part and approve or reject a PROCESSING application. */
export async function sandboxDecision(input: unknown): Promise<DecisionResult> {
  const parsed = sandboxDecisionSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, failure: { kind: "invalid", fieldErrors: fieldErrors(parsed.error) } };
  if (config().skippay.mode !== "sandbox") return { ok: false, failure: { kind: "not_found" } };
  const { applicationId: id, decision } = parsed.data;
  const result =
    decision === "approve" ? await skippay().sandbox.approve(id) : await skippay().sandbox.reject(id);
  if (!result.ok) return { ok: false, failure: skippayFailure(result.error) };
  await upsertApplication(await getDb(), result.value);
  return { ok: true, application: result.value };
}
