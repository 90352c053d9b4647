// Documents attached to an order by order/send, order/deliver and order/return (`document`, the spec's
// DocumentRequest): kept on the order and listed in its `documents` (DocumentResponse). Pure.
import type { DocumentRequest } from "@/lib/skippay/schemas";
import type { SandboxApplication, SandboxDocument } from "./model";
import type { Change } from "./rules";

/** The change with the request's document added to the order (a change is a fresh copy: safe to extend). */
export function withDocument(
  change: Change,
  document: DocumentRequest | undefined,
  operation: string,
): Change {
  if (!document) return change;
  const order = change.app.order;
  order.documents = [
    ...(order.documents ?? []),
    {
      type: document.type,
      file: document.file,
      description: document.description ?? null,
      variableSymbol: document.extraData?.variableSymbol ?? null,
      operation,
    },
  ];
  return change;
}

/** A URL's last path segment as the file name; base64 content gets a name from its type and position. */
function filename(doc: SandboxDocument, index: number): string {
  if (doc.file.includes("://")) {
    try {
      const name = decodeURIComponent(new URL(doc.file).pathname.split("/").pop() ?? "");
      if (name) return name.slice(-100);
    } catch {
      // Not a URL after all: named like base64 content.
    }
  }
  return `${doc.type.toLowerCase()}-${index + 1}`;
}

/**
 * The order's documents as the spec's DocumentResponse. Decision: a URL is given back as it came (the real API
 * serves its own copy, valid for an hour); base64 content comes back as a `data:` URL of that content.
 */
export function renderDocuments(app: Pick<SandboxApplication, "order">) {
  return (app.order.documents ?? []).map((doc, i) => ({
    type: doc.type,
    file: {
      filename: filename(doc, i),
      url: doc.file.includes("://") ? doc.file : `data:application/octet-stream;base64,${doc.file}`,
    },
    description: doc.description,
    extraData: { variableSymbol: doc.variableSymbol },
  }));
}
