"use client";
// The page's messages from their cached file (lib/i18n/page-messages.ts): fetched once per version and kept for
// every later page of the same part; on the server, the ones its server component left for this render.
import { type AbstractIntlMessages, NextIntlClientProvider } from "next-intl";
import { use } from "react";
import { leftForServerRender } from "@/lib/i18n/server-render-messages";

const fetched = new Map<string, Promise<AbstractIntlMessages>>();

function fetchMessages(src: string): Promise<AbstractIntlMessages> {
  const known = fetched.get(src);
  if (known) return known;
  const loading = fetch(src).then((response) => {
    if (!response.ok) throw new Error(`The page's messages did not load (HTTP ${response.status}).`);
    return response.json() as Promise<AbstractIntlMessages>;
  });
  // A failed load is tried again when the error page's Retry renders this once more.
  loading.catch(() => fetched.delete(src));
  fetched.set(src, loading);
  return loading;
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
  const messages = typeof window === "undefined" ? leftForServerRender(src) : use(fetchMessages(src));
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={messages}>
      {children}
    </NextIntlClientProvider>
  );
}
