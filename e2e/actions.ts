// Calls a server action the way any HTTP client can — by its id from the build's manifest — to prove that the
// server, not the UI, enforces who may do what.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

const MANIFEST = path.resolve(import.meta.dirname, "../.next/server/server-reference-manifest.json");

export function serverActions(): { id: string; name: string }[] {
  const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as {
    node: Record<string, { exportedName: string }>;
  };
  return Object.entries(manifest.node).map(([id, a]) => ({ id, name: a.exportedName }));
}

export async function callAction(
  request: APIRequestContext,
  name: string,
  argument: unknown,
  options: { origin?: string; path?: string } = {},
): Promise<{ status: number; result: unknown; text: string; setCookie: string[] }> {
  const action = serverActions().find((a) => a.name === name);
  if (!action) throw new Error(`no server action ${name}`);
  const baseURL = process.env.E2E_BASE_URL ?? `http://127.0.0.1:${process.env.E2E_PORT ?? 3210}`;
  const response = await request.post(options.path ?? "/applications", {
    headers: {
      "next-action": action.id,
      "content-type": "text/plain;charset=UTF-8",
      origin: options.origin ?? baseURL,
    },
    data: JSON.stringify([escapeReply(argument)]),
  });
  const text = await response.text();
  // The RSC stream: line "1:" carries the action's return value (an error digest when the action was refused).
  const line = text.split("\n").find((l) => l.startsWith("1:{") || l.startsWith("1:["));
  return {
    status: response.status(),
    result: line ? JSON.parse(line.slice(2)) : null,
    text,
    setCookie: response
      .headersArray()
      .filter((h) => h.name.toLowerCase() === "set-cookie")
      .map((h) => h.value),
  };
}

/**
 * React's reply encoding (what a browser's `encodeReply` does): a string starting with "$" is sent as "$$…",
 * because "$" prefixes React's own references. The action then receives exactly `value`.
 */
function escapeReply(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(escapeReply);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeReply(v)]));
  return value;
}
