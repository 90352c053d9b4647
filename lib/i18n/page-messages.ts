import "server-only";
// A page's messages as one cached file: the browser fetches /api/messages/<locale>/<part>?v=<version> once per
// version instead of reading ≈40 kB of them inside every page's HTML, and the server stops serialising them.
import { createHash } from "node:crypto";
import type { AbstractIntlMessages } from "next-intl";
import type { Locale } from "@/lib/orders/money";
import { type MessagesPart, PAGE_MESSAGES, pickMessages } from "./client-messages";

export type PageMessages = { messages: AbstractIntlMessages; json: string; version: string; src: string };

const made = new Map<string, PageMessages>();

export function isMessagesPart(value: unknown): value is MessagesPart {
  return typeof value === "string" && Object.hasOwn(PAGE_MESSAGES, value);
}

/** The file's text and a version drawn from it: any change to a message gives the file a new address. */
export function messagesFile(messages: AbstractIntlMessages): { json: string; version: string } {
  const json = JSON.stringify(messages);
  return { json, version: createHash("sha256").update(json).digest("base64url").slice(0, 16) };
}

/** The shell's and the page's namespaces (pickMessages), with a version that changes whenever they do. */
export async function pageMessages(locale: Locale, part: MessagesPart): Promise<PageMessages> {
  const key = `${locale}/${part}`;
  const known = made.get(key);
  if (known) return known;
  const all: AbstractIntlMessages = (await import(`./messages/${locale}.json`)).default;
  const messages = pickMessages(all, part) as AbstractIntlMessages;
  const { json, version } = messagesFile(messages);
  const result = { messages, json, version, src: `/api/messages/${locale}/${part}?v=${version}` };
  made.set(key, result);
  return result;
}
