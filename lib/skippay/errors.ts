// What can go wrong when calling Skip Pay, as values. Each error says whether the change *may have been
// applied*: "no" when Skip Pay certainly did not act on it (refused, never sent, a read), "unknown" when the request
// was sent and no trustworthy answer came back — then only re-reading the application can tell.
import type { ApiError } from "./schemas";

export type Applied = "no" | "unknown";

export type SkipPayError =
  | {
      kind: "invalid_request";
      status: 400;
      applied: "no";
      message: string;
      attribute?: string;
      issues: ApiError[];
    }
  | { kind: "not_found"; status: 404; applied: "no"; message: string; issues: ApiError[] }
  | {
      kind: "not_supported";
      status: 422;
      applied: "no";
      message: string;
      attribute?: string;
      issues: ApiError[];
    }
  | { kind: "unauthorized"; status: 400 | 401 | 403; applied: "no"; message: string }
  | { kind: "rate_limited"; status: 429; applied: "no"; message: string; retryAfterSeconds?: number }
  | { kind: "unavailable"; status: number; applied: Applied; message: string; issues: ApiError[] }
  | { kind: "timeout"; applied: Applied; message: string }
  | { kind: "network"; applied: Applied; message: string }
  | { kind: "bad_response"; status: number; applied: Applied; message: string };

export type SkipPayErrorKind = SkipPayError["kind"];

export type SkipPayResult<T> = { ok: true; value: T; status: number } | { ok: false; error: SkipPayError };

/** Support reference of the first error Skip Pay returned, if any (`ticketId`). */
export function ticketIdOf(error: SkipPayError): string | undefined {
  return "issues" in error ? (error.issues.find((i) => i.ticketId)?.ticketId ?? undefined) : undefined;
}
