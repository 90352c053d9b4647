// A server action refused before it ran (lib/auth/action-guard.ts) answers 403 with a sentence starting with its
// reason; the browser's Next.js client throws that sentence as an error, and the error page reads the reason
// back from it. Isomorphic.
export const REFUSAL_REASONS = ["cross_origin", "unauthenticated", "forbidden"] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** The reason of a refused server action, from the error the call threw; null for any other error. */
export function refusalOf(error: { message?: unknown } | null | undefined): RefusalReason | null {
  const message = typeof error?.message === "string" ? error.message : "";
  return REFUSAL_REASONS.find((reason) => message.startsWith(`${reason}: `)) ?? null;
}
