"use client";
// Until when, at the latest, an operation holds the application (its lease), and how long that is from now.
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { formatTime } from "@/lib/i18n/format";
import { type JournalEntry, lockEndsAt } from "@/lib/operations/types";
import type { Locale } from "@/lib/orders/money";
import { serverNow } from "./server-clock";

export function LockCountdown({ entry, leaseMs }: { entry: JournalEntry; leaseMs: number }) {
  const t = useTranslations("journal");
  const locale = useLocale() as Locale;
  // The lease ends by the server's clock.
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const timer = setInterval(() => setNow(serverNow()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const ends = lockEndsAt(entry, leaseMs);
  const left = Math.max(0, Math.ceil((ends - now) / 1000));
  return (
    <span className="text-xs" data-testid="lock-countdown">
      {t("lockUntil", { at: formatTime(new Date(ends), locale) })}{" "}
      {/* The seconds tick for the eye; a screen reader has the time it ends. */}
      <span aria-hidden="true" className="tabular-nums">
        ({Math.floor(left / 60)}:{String(left % 60).padStart(2, "0")})
      </span>
    </span>
  );
}
