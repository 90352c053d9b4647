// Documents staff attach to an operation: the invoice when marking sent, the credit note when returning or
// refunding. Staff give the document's address; Skip Pay receives it as the request's `document` (spec
// DocumentRequest: `type` and `file`, which may be a URL). Pure.
import type { DocumentRequest } from "@/lib/skippay/schemas";

export interface DocumentIntent {
  /** An https:// address where Skip Pay can fetch the document. */
  url: string;
}

/** Only https: a document holds the customer's data, and Skip Pay fetches it from the shop. */
export function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname !== "";
  } catch {
    return false;
  }
}

/** Which document each operation attaches: an invoice for goods sent, a credit note for money back. */
export const DOCUMENT_TYPE = {
  send: "INVOICE",
  return: "CREDIT_NOTE",
  refund: "CREDIT_NOTE",
} as const satisfies Record<string, DocumentRequest["type"]>;

/** The request's `document` field, or nothing when staff attached none. */
export function documentField(
  type: DocumentRequest["type"],
  document: DocumentIntent | null | undefined,
): { document?: DocumentRequest } {
  return document ? { document: { type, file: document.url } } : {};
}
