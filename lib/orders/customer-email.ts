// The customer message as an e-mail: which language the customer gets by default, and the subject line. Skip Pay
// carries no language, so the billing (else any) address decides: a Czech or Slovak address reads Czech, any other
// country English, none at all Czech (the shop's customers are Czech). Staff can switch it before sending.
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import type { Locale } from "./money";

const CZECH_READING = new Set(["CZ", "SK"]);

export function customerLanguage(application: Pick<ApplicationResponse, "order">): Locale {
  const addresses = application.order.addresses ?? [];
  const address =
    addresses.find((a) => (a as { addressType?: string | null }).addressType === "BILLING") ?? addresses[0];
  const country = address?.country?.trim().toUpperCase();
  return !country || CZECH_READING.has(country) ? "cs" : "en";
}

export function customerSubject(locale: Locale, orderNumber: string): string {
  return locale === "cs"
    ? `Vaše objednávka ${orderNumber} – co se změnilo`
    : `Your order ${orderNumber} – what has changed`;
}
