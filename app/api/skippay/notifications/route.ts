// Skip Pay's application notifications (merchantUrls.notificationEndpoint). Skip Pay calls it, so it needs no staff
// session — and trusts nothing it is told: the body is only a hint (it is not signed), the application is re-read
// from Skip Pay and the admin's index updated from that. It answers nothing but OK. Idempotent: Skip Pay retries
// failed deliveries, and a repeated notification just re-reads again. How many it acts on per minute is bounded
// (lib/applications/notifications.ts): anyone can post here, and each one read from Skip Pay is a request there.
import { z } from "zod";
import { admitNotification } from "@/lib/applications/notifications";
import { getDb } from "@/lib/db/client";
import { getOperations } from "@/lib/operations/server";

export const dynamic = "force-dynamic";

const notification = z.object({ id: z.string().min(1).max(64) });

/** A notification is `{id, state, stateReason}`; anyone can post here, so a body far longer is not read. */
const MAX_BODY_BYTES = 16_384;

/** The body as text, or null once it is longer than MAX_BODY_BYTES (declared or streamed without a length). */
async function readCapped(request: Request): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function POST(request: Request) {
  const text = await readCapped(request);
  if (text === null) return new Response("can not process: body too large", { status: 413 });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response("can not process: body is not JSON", { status: 400 });
  }
  const parsed = notification.safeParse(body);
  if (!parsed.success) return new Response("can not process: no application id", { status: 400 });
  const admitted = await admitNotification(await getDb(), parsed.data.id);
  // Skip Pay tries again after 1, 5, 5, 5 and 5 minutes.
  if (!admitted.ok)
    return new Response("can not process now", {
      status: 503,
      headers: { "retry-after": String(admitted.retryAfterSeconds) },
    });
  const operations = await getOperations();
  const result = await operations.readApplication(parsed.data.id);
  if (!result.ok) {
    if (result.error.kind === "not_found")
      return new Response("can not process: unknown application", { status: 400 });
    // Skip Pay retries after 1, 5, 5, 5 and 5 minutes when we cannot process it now.
    return new Response("can not process now", { status: 503 });
  }
  // A notification is also a good moment to settle an operation whose outcome was unknown.
  await operations.reconcile(parsed.data.id, result.value);
  return Response.json({ status: "OK" });
}
