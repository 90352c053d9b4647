"use client";
// One operation's form: react-hook-form checked by the operation's own schema as staff type, the live plan of what
// they typed (the planner the server runs), and the review before anything is sent.
import { zodResolver } from "@hookform/resolvers/zod";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { type FieldValues, type Resolver, useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import type { ApprovalNeeded } from "@/lib/auth/roles";
import { pragueToday } from "@/lib/i18n/config";
import type { OrderBasis } from "@/lib/orders/basis";
import { emptyForm } from "@/lib/orders/forms/defaults";
import {
  type FormValues,
  OPERATION_FORMS,
  OPERATION_INTENTS,
  type OperationSubmission,
} from "@/lib/orders/forms/submission";
import type { OrderView } from "@/lib/orders/lines";
import type { OperationKind } from "@/lib/orders/operation-kinds";
import type { Plan, PlanIssue, PlanResult } from "@/lib/orders/plan-types";
import { plan } from "@/lib/orders/planner";
import type { ApplicationResponse } from "@/lib/skippay/schemas";

/** What every operation form gets from the workspace. */
export interface OperationContext {
  application: ApplicationResponse;
  view: OrderView;
  /** The order as this page plans on it, and when it was read: the server refuses a confirmation made on less. */
  basis: OrderBasis;
  loadedAt: string;
  /** Another operation holds the application: nothing can be sent now. */
  locked: boolean;
  /** Whether this plan waits for a supervisor's approval (the approval limit), and why. */
  approval: (plan: Plan) => ApprovalNeeded | null;
  /** Refunds on this order waiting for a supervisor now (anyone's): a new one is planned knowing them. */
  awaitingApproval: number;
  /** Sends a reviewed confirmation; resolves once its outcome is on screen. */
  send: (submission: OperationSubmission, plan: Plan) => Promise<void>;
  sending: boolean;
  /** A request sent back to this person, opened again as its form (replanForm): confirming it closes that one. */
  prefill?: { replaces: string; values: FormValues } | null;
}

export interface Review {
  plan: Plan;
  submission: OperationSubmission;
}

type Output<K extends OperationKind> = z.output<(typeof OPERATION_FORMS)[K]>;

export function useOperationForm<K extends OperationKind>(kind: K, ctx: OperationContext) {
  const schema = OPERATION_FORMS[kind];
  const { application, view } = ctx;
  const keys = view.lines.map((l) => l.key).join("|");
  const form = useForm<FieldValues, unknown, Output<K>>({
    resolver: zodResolver(schema) as unknown as Resolver<FieldValues, unknown, Output<K>>,
    // Each field is checked as it changes; the whole form when staff ask for the review.
    mode: "onChange",
    defaultValues:
      ctx.prefill?.values ??
      emptyForm(
        kind,
        view.lines.map((l) => l.key),
        pragueToday(),
      ),
  });

  // The order's lines changed (an operation's answer, a fresh read): choose again from the new lines.
  const linesOpened = useRef(keys);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the line keys only.
  useEffect(() => {
    if (linesOpened.current === keys) return;
    linesOpened.current = keys;
    if ("lines" in form.getValues())
      form.setValue(
        "lines",
        view.lines.map((l) => ({ key: l.key, quantity: "" })),
      );
  }, [keys]);

  // The live preview: the same schema and planner the server runs, on the values as typed (deferred, so typing in
  // a 1,000-line order stays quick).
  const watched = useWatch({ control: form.control });
  const values = useDeferredValue(watched);
  const intentSchema = OPERATION_INTENTS[kind];
  const live = useMemo((): PlanResult | null => {
    const parsed = intentSchema.safeParse(values);
    if (!parsed.success) return null;
    return plan({ order: application.order, application }, parsed.data);
  }, [intentSchema, values, application]);

  const [review, setReview] = useState<Review | null>(null);
  const openReview = form.handleSubmit((request) => {
    const planned = plan({ order: application.order, application }, request.intent);
    // Refusals are on screen already, next to their fields.
    if (!planned.ok) return;
    setReview({
      plan: planned.plan,
      submission: {
        applicationId: application.id,
        values: form.getValues() as FormValues<K>,
        basis: ctx.basis,
        loadedAt: ctx.loadedAt,
        // One per confirmation: a second click or a browser retry sends the same id.
        submissionId: crypto.randomUUID(),
        ...(ctx.prefill ? { replaces: ctx.prefill.replaces } : {}),
      },
    });
  });
  const confirm = async () => {
    if (!review || ctx.sending) return;
    await ctx.send(review.submission, review.plan);
    setReview(null);
  };

  /** The planner's objections, by where they show: a line (by index), a field, or the form. */
  const issues = useMemo(() => {
    const lines = new Map<number, PlanIssue>();
    const fields: Record<string, PlanIssue> = {};
    const whole: PlanIssue[] = [];
    for (const i of live && !live.ok ? live.issues : []) {
      const line = i.field?.match(/^lines\.(\d+)\.quantity$/);
      if (line) lines.set(Number(line[1]), i);
      else if (i.field) fields[i.field] = i;
      else whole.push(i);
    }
    return { lines, fields, form: whole };
  }, [live]);

  return {
    kind,
    form,
    live: live?.ok ? live.plan : null,
    issues,
    review,
    openReview,
    closeReview: () => !ctx.sending && setReview(null),
    confirm,
    ctx,
  };
}

export type OperationForm = ReturnType<typeof useOperationForm>;
