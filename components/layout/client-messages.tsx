import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTimeZone } from "next-intl/server";
import { type MessagesPart, pickMessages } from "@/lib/i18n/client-messages";
import { isLocale } from "@/lib/i18n/config";
import { pageMessages } from "@/lib/i18n/page-messages";
import { leaveForServerRender } from "@/lib/i18n/server-render-messages";
import { FetchedMessages } from "./fetched-messages";

/**
 * The messages the client components below may use: the shell's (small, in the page), or the shell's and the
 * named page's, from a cached file the browser fetches beside the page's scripts. A nested provider replaces its
 * parent's messages, so a page's set includes the shell's.
 */
export async function ClientMessages({ part, children }: { part?: MessagesPart; children: React.ReactNode }) {
  if (!part)
    return (
      <NextIntlClientProvider messages={pickMessages(await getMessages())}>{children}</NextIntlClientProvider>
    );
  const locale = await getLocale();
  if (!isLocale(locale)) throw new Error(`Unknown locale ${locale}`);
  const { messages, src } = await pageMessages(locale, part);
  leaveForServerRender(src, messages);
  // No Suspense boundary of its own: it would let the page leave the HTML's first part, and without JavaScript a
  // page would stay at its fallback. Hydration waits for the file, which arrives beside the scripts; a link to the
  // page keeps the current one on screen meanwhile (or the route's loading skeleton).
  return (
    <FetchedMessages src={src} locale={locale} timeZone={await getTimeZone()}>
      {children}
    </FetchedMessages>
  );
}
