import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { type MessagesPart, pickMessages } from "@/lib/i18n/client-messages";

/**
 * The messages the client components below may use: the shell's, and the named page's. A nested provider
 * replaces its parent's messages, so a page's set includes the shell's.
 */
export async function ClientMessages({ part, children }: { part?: MessagesPart; children: React.ReactNode }) {
  return (
    <NextIntlClientProvider messages={pickMessages(await getMessages(), part)}>
      {children}
    </NextIntlClientProvider>
  );
}
