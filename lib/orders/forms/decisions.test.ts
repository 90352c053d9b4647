// A supervisor's decision: the note is optional, trimmed and short — the same schema in the dialog and the action.
import { describe, expect, it } from "vitest";
import {
  approvalDecisionSchema,
  DECISION_NOTE_MAX,
  decisionFormSchema,
  withdrawRequestSchema,
} from "./decisions";

const id = "6f1c2a4e-8d3b-4c5a-9e7f-1a2b3c4d5e6f";

describe("decision note", () => {
  it("is optional and trimmed", () => {
    expect(approvalDecisionSchema.parse({ operationId: id, decision: "approve" }).note).toBe("");
    expect(
      approvalDecisionSchema.parse({ operationId: id, decision: "reject", note: "  photos first \n" }).note,
    ).toBe("photos first");
  });

  it("has at most DECISION_NOTE_MAX characters after trimming, in the dialog and in the action alike", () => {
    const longest = "x".repeat(DECISION_NOTE_MAX);
    expect(decisionFormSchema.safeParse({ note: `  ${longest}  ` }).success).toBe(true);
    for (const schema of [decisionFormSchema, approvalDecisionSchema]) {
      const result = schema.safeParse({ operationId: id, decision: "approve", note: `${longest}y` });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.message)).toEqual(["decision_note_too_long"]);
    }
  });

  it("a decision and a withdrawal name one operation by its id", () => {
    expect(approvalDecisionSchema.safeParse({ operationId: "x", decision: "approve" }).success).toBe(false);
    expect(approvalDecisionSchema.safeParse({ operationId: id, decision: "maybe" }).success).toBe(false);
    expect(withdrawRequestSchema.safeParse({ operationId: id }).success).toBe(true);
    expect(withdrawRequestSchema.safeParse({ operationId: "1; drop table" }).success).toBe(false);
  });
});
