// What supervisors submit: a decision on an agent's request, the recorded outcome of an unclear operation, and —
// in the sandbox — Skip Pay's own approve/reject of a new application.
import { z } from "zod";
import { NOTE_MAX } from "./fields";

/** A supervisor's note on a decision: optional and short — it shows on the timeline and to the agent. */
export const DECISION_NOTE_MAX = 500;
export const decisionNoteField = z.string().trim().max(DECISION_NOTE_MAX, "decision_note_too_long");

/** What the decision dialog checks as the supervisor types (the server action parses the whole decision). */
export const decisionFormSchema = z.object({ note: decisionNoteField });

export const approvalDecisionSchema = z.object({
  operationId: z.uuid(),
  decision: z.enum(["approve", "reject"]),
  note: decisionNoteField.default(""),
});

/** An agent takes back their own request for approval. */
export const withdrawRequestSchema = z.object({ operationId: z.uuid() });

export const operationResolutionSchema = z.object({
  operationId: z.uuid(),
  outcome: z.enum(["applied", "not_applied"]),
  note: z.string().max(NOTE_MAX).default(""),
});

export const sandboxDecisionSchema = z.object({
  applicationId: z.string().min(1).max(64),
  decision: z.enum(["approve", "reject"]),
});

/** Staff checked why Skip Pay's total differs from this admin's record (a change made outside this admin). */
export const driftCheckSchema = z.object({
  applicationId: z.string().min(1).max(64),
  /** The difference the page showed: recorded only if it is still the difference now. */
  drift: z.int(),
  note: z.string().max(NOTE_MAX).default(""),
});
