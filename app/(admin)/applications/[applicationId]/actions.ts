"use server";
// Server actions of the application page. Thin: check the session and role, parse with the shared schemas, then
// lib/operations does the work (journal, lock, stale-page guard, four eyes, Skip Pay, reconciliation).
import { refresh } from "next/cache";
import type { z } from "zod";
import { ACTION_ACCESS } from "@/lib/auth/action-access";
import { authorize } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { upsertApplication } from "@/lib/db/applications";
import { getDb } from "@/lib/db/client";
import { notifyCustomer as sendCustomerEmail } from "@/lib/mail/notify";
import { getNotifyDeps } from "@/lib/mail/server";
import type { NotifyResult } from "@/lib/mail/types";
import { recordDriftChecked } from "@/lib/operations/notes";
import { getOperations } from "@/lib/operations/server";
import { skippayFailure } from "@/lib/operations/service";
import {
  approvalDecisionSchema,
  driftCheckSchema,
  operationResolutionSchema,
  sandboxDecisionSchema,
  withdrawRequestSchema,
} from "@/lib/orders/forms/decisions";
import { notifyCustomerSchema } from "@/lib/orders/forms/notify";
import { operationSubmissionSchema } from "@/lib/orders/forms/submission";
import type {
  ApprovalResult,
  NoteResult,
  OperationResult,
  ResolveResult,
  SandboxDecisionResult,
  WithdrawResult,
} from "@/lib/orders/outcome";
import { skippay } from "@/lib/skippay/client";

// Who may call what (proxy.ts refuses the others before they get here; this is the second check).
const access = ACTION_ACCESS["app/(admin)/applications/[applicationId]/actions.ts"];

function fieldErrors(error: z.core.$ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    // Form fields are nested under "values" in the submission; the form knows them without the prefix.
    const path = issue.path.join(".").replace(/^values\./, "") || "form";
    out[path] = [...(out[path] ?? []), issue.message];
  }
  return out;
}

/** Cancel, return, refund, mark sent/delivered or cancel the application — exactly once. */
export async function submitOperation(input: unknown): Promise<OperationResult> {
  const auth = await authorize(access.submitOperation);
  if (!auth.ok) return { ok: false, failure: { kind: auth.reason } };
  const parsed = operationSubmissionSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, failure: { kind: "invalid", fieldErrors: fieldErrors(parsed.error) } };
  return (await getOperations()).submit(auth.staff, parsed.data);
}

/** A supervisor approves or rejects an agent's request (never their own). */
export async function decideApproval(input: unknown): Promise<ApprovalResult> {
  // Whatever the outcome, the page it came from is drawn again: the queue, and the header's count of requests waiting.
  refresh();
  const auth = await authorize(access.decideApproval);
  if (!auth.ok) return { ok: false, failure: { kind: auth.reason } };
  const parsed = approvalDecisionSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, failure: { kind: "invalid", fieldErrors: fieldErrors(parsed.error) } };
  const { operationId, decision, note } = parsed.data;
  return (await getOperations()).decide(auth.staff, operationId, decision, note.trim());
}

/** An agent withdraws their own request for approval (waiting, or sent back to them to confirm again). */
export async function withdrawRequest(input: unknown): Promise<WithdrawResult> {
  const auth = await authorize(access.withdrawRequest);
  if (!auth.ok) return { ok: false, failure: { kind: auth.reason } };
  const parsed = withdrawRequestSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, failure: { kind: "invalid", fieldErrors: fieldErrors(parsed.error) } };
  return (await getOperations()).withdraw(auth.staff, parsed.data.operationId);
}

/** A supervisor records whether an operation whose outcome stayed unclear was applied at Skip Pay. */
export async function resolveOperation(input: unknown): Promise<ResolveResult> {
  const auth = await authorize(access.resolveOperation);
  if (!auth.ok) return { ok: false, failure: { kind: auth.reason } };
  const parsed = operationResolutionSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, failure: { kind: "invalid", fieldErrors: fieldErrors(parsed.error) } };
  const { operationId, outcome, note } = parsed.data;
  return (await getOperations()).resolve(auth.staff, operationId, outcome, note.trim());
}

/** Staff record on the timeline that they checked a difference between Skip Pay's total and this admin's record. */
export async function checkDrift(input: unknown): Promise<NoteResult> {
  const auth = await authorize(access.checkDrift);
  if (!auth.ok) return { ok: false, failure: { kind: auth.reason } };
  const parsed = driftCheckSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, failure: { kind: "invalid", fieldErrors: fieldErrors(parsed.error) } };
  return recordDriftChecked(await getOperations(), auth.staff, parsed.data);
}

/**
 * E-mails an operation's customer message to the application's customer — at most once per operation (a failed
 * one may be sent again). A mail failure is recorded on the timeline and never touches the operation.
 */
export async function notifyCustomer(input: unknown): Promise<NotifyResult> {
  const auth = await authorize(access.notifyCustomer);
  if (!auth.ok) return { ok: false, failure: { kind: auth.reason } };
  const parsed = notifyCustomerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, failure: { kind: "invalid" } };
  return sendCustomerEmail(await getNotifyDeps(), auth.staff, parsed.data);
}

/** Sandbox only: play Skip Pay's part and approve or reject a PROCESSING application. */
export async function sandboxDecision(input: unknown): Promise<SandboxDecisionResult> {
  const auth = await authorize(access.sandboxDecision);
  if (!auth.ok) return { ok: false, failure: { kind: auth.reason } };
  const parsed = sandboxDecisionSchema.safeParse(input);
  if (!parsed.success)
    return { ok: false, failure: { kind: "invalid", fieldErrors: fieldErrors(parsed.error) } };
  if (config().skippay.mode !== "sandbox") return { ok: false, failure: { kind: "not_found" } };
  const { applicationId: id, decision } = parsed.data;
  const sentAt = new Date();
  const result =
    decision === "approve" ? await skippay().sandbox.approve(id) : await skippay().sandbox.reject(id);
  if (!result.ok) return { ok: false, failure: skippayFailure(result.error) };
  await upsertApplication(await getDb(), result.value, sentAt);
  return { ok: true, application: result.value };
}
