"use client";
import { useEffect, useMemo, useState } from "react";
import type { Resolver } from "react-hook-form";
import type { OperationFormValues, OperationRequest } from "@/lib/orders/intents";
import type { Intent, PlanResult } from "@/lib/orders/planner";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import { lastOf } from "./last-of";

type Checker = typeof import("./form-checker");
let loading: Promise<Checker> | undefined;
let loaded: Checker | null = null;
/** The form's validation and the planner, loaded once per page (and again after a failed load). */
function loadChecker(): Promise<Checker> {
  loading ??= import("./form-checker").then(
    (checker) => {
      loaded = checker;
      return checker;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Asks react-hook-form's resolver of the loaded checker, loading it first if it is not there yet. */
const resolver: Resolver<OperationFormValues, unknown, OperationRequest> = async (values, context, options) =>
  (await loadChecker()).resolveForm(values, context, options);

/**
 * The operation form parsed and planned once per set of values. The live preview parses and plans what is typed;
 * "Review" validates (the resolver) and plans the same values again — on a 1,000-line order each pass is several
 * milliseconds, so both share one answer.
 *
 * The schema (and zod with it) and the planner are not part of the page's first load: they are imported as soon as
 * the page is interactive. Until they are there `parse` is null — the live preview waits, and "Review" goes through
 * the resolver, which waits for them. `planFor` is asked only for values parsed by them, so they are there by then.
 */
export function useFormPlan(application: ApplicationResponse) {
  const [checker, setChecker] = useState<Checker | null>(null);
  useEffect(() => {
    let mounted = true;
    // A failed load is tried again by the resolver when staff ask for the review.
    loadChecker().then(
      (ready) => mounted && setChecker(ready),
      () => {},
    );
    return () => {
      mounted = false;
    };
  }, []);
  const planFor = useMemo(
    () =>
      lastOf((intent: Intent): PlanResult => {
        if (!loaded) throw new Error("the planner is asked before it is loaded");
        return loaded.plan({ order: application.order, application }, intent);
      }),
    [application],
  );
  return { parse: checker?.parseForm ?? null, planFor, resolver };
}
