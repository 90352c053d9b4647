"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMemo, useState } from "react";
import type { Resolver } from "react-hook-form";
import { type OperationFormValues, type OperationRequest, operationFormSchema } from "@/lib/orders/intents";
import { type Intent, type PlanResult, plan } from "@/lib/orders/planner";
import type { ApplicationResponse } from "@/lib/skippay/schemas";

/** `fn` remembering its last answer: called again with an equal argument (same JSON), it answers from memory. */
function lastOf<A, R>(fn: (argument: A) => R): (argument: A) => R {
  let last: { key: string; result: R } | null = null;
  return (argument) => {
    const key = JSON.stringify(argument);
    if (last?.key !== key) last = { key, result: fn(argument) };
    return last.result;
  };
}

/**
 * The operation form parsed and planned once per set of values. The live preview parses and plans what is typed;
 * "Review" validates (the resolver) and plans the same values again — on a 1,000-line order each pass is several
 * milliseconds, so both share one answer. The resolver still reports errors exactly as zodResolver does.
 */
export function useFormPlan(application: ApplicationResponse) {
  const [parse] = useState(() => lastOf((values: unknown) => operationFormSchema.safeParse(values)));
  const planFor = useMemo(
    () => lastOf((intent: Intent): PlanResult => plan({ order: application.order, application }, intent)),
    [application],
  );
  const [resolver] = useState(() => {
    const withErrors = zodResolver(operationFormSchema);
    const resolve: Resolver<OperationFormValues, unknown, OperationRequest> = (values, context, options) => {
      const parsed = parse(values);
      return parsed.success ? { values: parsed.data, errors: {} } : withErrors(values, context, options);
    };
    return resolve;
  });
  return { parse, planFor, resolver };
}
