"use client";
// The page's messages from their cached file (lib/i18n/page-messages.ts): fetched once per version and kept for
// every later page of the same part; on the server, the ones its server component left for this render.
import { type AbstractIntlMessages, NextIntlClientProvider } from "next-intl";
import { use } from "react";
import { leftForServerRender } from "@/lib/i18n/server-render-messages";

const fetched = new Map<string, Promise<AbstractIntlMessages>>();
const failed = new Set<string>();

function fetchMessages(src: string): Promise<AbstractIntlMessages> {
  const known = fetched.get(src);
  if (known) return known;
  const loading = fetch(src).then((response) => {
    if (!response.ok) throw new Error(`The page's messages did not load (HTTP ${response.status}).`);
    return response.json() as Promise<AbstractIntlMessages>;
  });
  loading.catch(() => failed.add(src));
  fetched.set(src, loading);
  return loading;
}

/**
 * The error page's Try again: a load that failed is fetched anew. Until then every render gets the same failure;
 * forgetting it at once had React suspend on a new fetch at each of its own retries, up to hundreds of them.
 */
export function forgetFailedMessages(): void {
  for (const src of failed) fetched.delete(src);
  failed.clear();
}

export function FetchedMessages({
  src,
  locale,
  timeZone,
  children,
}: {
  src: string;
  locale: string;
  timeZone: string;
  children: React.ReactNode;
}) {
  const server = typeof window === "undefined";
  const messages = server ? leftForServerRender(src) : use(fetchMessages(src));
  // The HTML names the file, so the browser fetches it beside the scripts (React lifts the link out of the
  // markup). Only there: once the page runs, the fetch above is the one request.
  return (
    <>
      {server && <link rel="preload" as="fetch" href={src} crossOrigin="anonymous" />}
      <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={messages}>
        {children}
      </NextIntlClientProvider>
    </>
  );
}
