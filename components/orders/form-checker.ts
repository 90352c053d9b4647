// The operation form's validation and planning in the browser: the schema the server parses with, react-hook-form's
// resolver for it, and the planner the server plans with. With zod they are ≈27 kB gzip, so the order page imports
// this module only once it is interactive (./use-form-plan.ts).
import { zodResolver } from "@hookform/resolvers/zod";
import type { Resolver } from "react-hook-form";
import { type OperationFormValues, type OperationRequest, operationFormSchema } from "@/lib/orders/intents";
import { lastOf } from "./last-of";

export { plan } from "@/lib/orders/planner";

/** Parses the form's values; the live preview and "Review" ask for the same values and share one answer. */
export const parseForm = lastOf((values: unknown) => operationFormSchema.safeParse(values));

const withErrors = zodResolver(operationFormSchema);

/** The resolver: valid values from the shared parse; errors reported exactly as zodResolver reports them. */
export const resolveForm: Resolver<OperationFormValues, unknown, OperationRequest> = (
  values,
  context,
  options,
) => {
  const parsed = parseForm(values);
  return parsed.success ? { values: parsed.data, errors: {} } : withErrors(values, context, options);
};
