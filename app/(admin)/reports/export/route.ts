// GET: the operations of a report's period as CSV (UTF-8 with BOM so Czech Excel reads it; `;` for Czech, `,` for
// English), streamed batch by batch from the journal. Supervisors and admins only, like the page's download link.
import { getLocale, getTranslations } from "next-intl/server";
import { reportAccess } from "@/lib/auth/roles";
import { currentStaff, refusal } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { pragueToday } from "@/lib/i18n/config";
import type { Locale } from "@/lib/orders/money";
import { BOM } from "@/lib/reports/csv";
import { type ExportLabels, exportBatches, exportHeader, exportLine } from "@/lib/reports/export";
import { exportSearchSchema, resolveReport } from "@/lib/reports/range";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const staff = await currentStaff();
  if (!staff) return refusal("unauthenticated");
  if (reportAccess(staff.role) !== "export") return refusal("forbidden");
  const parsed = exportSearchSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: "invalid_query" }, { status: 400 });
  const range = resolveReport(parsed.data, pragueToday());

  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("reports");
  const tIntents = await getTranslations("intents");
  const tReasons = await getTranslations("reasons");
  const tCancelReasons = await getTranslations("cancelReasons");
  const tFinancing = await getTranslations("financingTypes");
  const tStatus = await getTranslations("journal.status");
  const word = (tr: { has: (k: never) => boolean; (k: never): string }, code: string) =>
    tr.has(code as never) ? tr(code as never) : code;
  const labels: ExportLabels = {
    column: (c) => t(`csv.${c}`),
    intent: (code) => word(tIntents, code),
    reason: (code) => (tReasons.has(code as never) ? word(tReasons, code) : word(tCancelReasons, code)),
    financingType: (code) => word(tFinancing, code),
    outcome: (code) => word(tStatus, code),
  };

  const db = await getDb();
  const batches = exportBatches(db, range);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(BOM + exportHeader(labels, locale)));
    },
    // One batch per pull: the stream reads the next only when the client has taken the last (backpressure).
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map((row) => exportLine(row, labels, locale)).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const fileName = `skippay-${t("fileName")}-${range.from}-${range.to}.csv`;
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
