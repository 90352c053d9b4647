"use client";
// Every action the order page sends — an operation, a supervisor's decision or recorded outcome, a note — with
// its pending state and the one result on screen. The result's heading takes the focus where it shows.
import { useCallback, useState, useTransition } from "react";
import type { NotifyResult } from "@/lib/mail/types";
import type { OperationSubmission } from "@/lib/orders/forms/submission";
import type {
  ApprovalResult,
  NoteResult,
  OperationResult,
  ResolveResult,
  SandboxDecisionResult,
} from "@/lib/orders/outcome";
import type { Plan } from "@/lib/orders/plan-types";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import type { Shown } from "./operation-result";

export interface WorkspaceActions {
  submitOperation: (input: unknown) => Promise<OperationResult>;
  decideApproval: (input: unknown) => Promise<ApprovalResult>;
  resolveOperation: (input: unknown) => Promise<ResolveResult>;
  checkDrift: (input: unknown) => Promise<NoteResult>;
  sandboxDecision: (input: unknown) => Promise<SandboxDecisionResult>;
  notifyCustomer: (input: unknown) => Promise<NotifyResult>;
}

/** What the operation Skip Pay confirmed changed for the customer (the message is worded from it). */
export interface Confirmed {
  /** The journalled operation (its customer e-mail is recorded against it). */
  operationId: string;
  plan: Plan;
  application: ApplicationResponse;
  stateBefore: ApplicationResponse["state"];
}

export function useOperationResults(
  actions: WorkspaceActions,
  data: { show: (app: ApplicationResponse) => Promise<void>; refreshJournal: () => Promise<unknown> },
  onDone: () => void,
) {
  const [result, setResult] = useState<Shown | null>(null);
  const [confirmed, setConfirmed] = useState<Confirmed | null>(null);
  const [sending, startSending] = useTransition();
  const [busyWith, setBusyWith] = useState<string | null>(null);
  const { show, refreshJournal } = data;

  /** Shows an operation's (or an approval's) answer and the order as it now is. */
  const answer = useCallback(
    async (outcome: ApprovalResult, intent: Shown["intent"], stateBefore: ApplicationResponse["state"]) => {
      if (outcome.ok && outcome.kind === "done") await show(outcome.application);
      if (!outcome.ok && "application" in outcome && outcome.application) await show(outcome.application);
      setResult({ ...outcome, ...(intent ? { intent } : {}) });
      setConfirmed(
        outcome.ok && outcome.kind === "done"
          ? {
              operationId: outcome.operationId,
              plan: outcome.plan,
              application: outcome.application,
              stateBefore,
            }
          : null,
      );
    },
    [show],
  );

  const send = (submission: OperationSubmission, plan: Plan, stateBefore: ApplicationResponse["state"]) =>
    new Promise<void>((resolve) =>
      startSending(async () => {
        try {
          const outcome = await actions.submitOperation(submission);
          await answer(outcome, plan.intent, stateBefore);
          if (outcome.ok) onDone();
        } finally {
          void refreshJournal();
          resolve();
        }
      }),
    );

  /** A supervisor's decision, recorded outcome or note: `run` returns the action's answer. */
  const act = <R extends { ok: boolean }>(
    id: string,
    run: () => Promise<R>,
    then?: (r: R) => Promise<void>,
  ) => {
    setBusyWith(id);
    startSending(async () => {
      try {
        const r = await run();
        if (then) await then(r);
        else if (!r.ok) setResult(r as unknown as Shown);
      } finally {
        setBusyWith(null);
        void refreshJournal();
      }
    });
  };

  return { result, confirmed, sending, busyWith, send, act, answer };
}
