"use client";
// The application's timeline: every operation made here — and every note staff added — newest first.
import { useTranslations } from "next-intl";
import type { JournalEntry, TimelineNote } from "@/lib/operations/types";
import type { Locale } from "@/lib/orders/money";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import { cardClass } from "../ui/class-names";
import type { EmailControl } from "./customer-email";
import { NoteEntry, TimelineEntry } from "./timeline-entry";
import type { WorkspaceStaff } from "./types";
import type { useOperationResults, WorkspaceActions } from "./use-operation-results";

export function Timeline({
  entries,
  notes,
  staff,
  application,
  lineNames,
  results,
  actions,
  emailFor,
  language,
}: {
  entries: JournalEntry[];
  notes: TimelineNote[];
  staff: WorkspaceStaff;
  application: ApplicationResponse;
  lineNames: Record<string, string>;
  results: ReturnType<typeof useOperationResults>;
  actions: WorkspaceActions;
  /** Each operation's customer e-mail and its send controls. */
  emailFor: (operationId: string) => EmailControl;
  /** The customer's language as far as the application tells. */
  language: Locale;
}) {
  const t = useTranslations("journal");
  const items = [
    ...entries.map((e) => ({ at: e.createdAt, entry: e, note: null })),
    ...notes.map((n) => ({ at: n.createdAt, entry: null, note: n })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  const stateBefore = application.state;
  return (
    <section aria-labelledby="timeline-heading" className={cardClass}>
      <h2 id="timeline-heading" className="text-base font-semibold text-slate-900">
        {t("title")}
      </h2>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ol className="mt-3 space-y-3">
          {items.map(({ entry, note }) =>
            entry ? (
              <TimelineEntry
                key={entry.id}
                entry={entry}
                staff={staff}
                application={application}
                lineNames={lineNames}
                busy={results.busyWith === entry.id}
                email={emailFor(entry.id)}
                language={language}
                onDecide={(decision, text) =>
                  results.act(
                    entry.id,
                    () => actions.decideApproval({ operationId: entry.id, decision, note: text }),
                    (r) => results.answer(r, entry.intent, stateBefore),
                  )
                }
                onResolve={(outcome, text) =>
                  results.act(entry.id, () =>
                    actions.resolveOperation({ operationId: entry.id, outcome, note: text }),
                  )
                }
              />
            ) : (
              note && <NoteEntry key={note.id} note={note} />
            ),
          )}
        </ol>
      )}
    </section>
  );
}
