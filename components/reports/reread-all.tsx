"use client";
// Reconciliation's "Re-read all": re-reads the listed applications from Skip Pay a small batch per call, with a
// named progress bar, then announces what it found and reloads the list (which then shows the new state).
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { RereadOutcome } from "@/lib/reports/reread";
import { Button } from "../ui/button";

export type RereadAction = (
  input: unknown,
) => Promise<{ ok: true; outcome: RereadOutcome } | { ok: false; failure: string }>;

interface Tally {
  agrees: number;
  differs: number;
  failed: number;
}

export function RereadAll({ ids, batch, reread }: { ids: string[]; batch: number; reread: RereadAction }) {
  const t = useTranslations("reports.reconciliation");
  const router = useRouter();
  const [done, setDone] = useState<number | null>(null);
  const [message, setMessage] = useState("");
  const [refreshing, startRefresh] = useTransition();
  const running = done !== null;

  async function run() {
    setMessage("");
    setDone(0);
    const tally: Tally = { agrees: 0, differs: 0, failed: 0 };
    let read = 0;
    let text = "";
    try {
      for (let i = 0; i < ids.length; i += batch) {
        const answer = await reread({ ids: ids.slice(i, i + batch) });
        if (!answer.ok) {
          text = t("rereadRefused");
          break;
        }
        for (const r of answer.outcome.read) tally[r.status] += 1;
        read += answer.outcome.read.length;
        setDone(read);
        if (answer.outcome.stopped) {
          text = t("rereadStopped", {
            read,
            total: ids.length,
            seconds: answer.outcome.stopped.retryAfterSeconds,
            agrees: tally.agrees,
            differs: tally.differs,
          });
          break;
        }
      }
      text ||= t("rereadDone", { read, ...tally });
    } catch {
      text = t("rereadError");
    }
    setDone(null);
    setMessage(text);
    // The list is the server's: read it again so rows that agree now drop off and the rest show their new state.
    startRefresh(() => router.refresh());
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button onClick={run} pending={running || refreshing} disabled={ids.length === 0}>
        {t("rereadAll")}
      </Button>
      <p className="text-sm text-slate-600">{t("rereadHint", { count: ids.length })}</p>
      {running && (
        <div className="flex w-full items-center gap-3">
          <progress
            className="h-2 w-64 max-w-full"
            aria-label={t("rereadProgressLabel")}
            value={done}
            max={ids.length}
          />
          <span className="text-sm text-slate-700 tabular-nums">
            {t("rereadProgress", { done, total: ids.length })}
          </span>
        </div>
      )}
      <p role="status" className="w-full text-sm font-medium text-slate-800">
        {message}
      </p>
    </div>
  );
}
