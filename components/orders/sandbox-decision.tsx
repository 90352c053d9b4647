"use client";
// Sandbox only: play Skip Pay's part and approve or reject an application it is still deciding on.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { SandboxDecisionResult } from "@/lib/orders/outcome";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";

export function SandboxDecision({
  id,
  decide,
  onDecided,
}: {
  id: string;
  decide: (input: unknown) => Promise<SandboxDecisionResult>;
  onDecided: (app: ApplicationResponse) => unknown;
}) {
  const t = useTranslations("sandbox");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState(false);
  const run = (decision: "approve" | "reject") =>
    startTransition(async () => {
      const result = await decide({ applicationId: id, decision });
      setError(!result.ok);
      if (result.ok) await onDecided(result.application);
    });
  return (
    <Alert tone="info" title={t("title")}>
      <p>{t("explain")}</p>
      <div className="mt-2 flex gap-2">
        <Button size="sm" variant="primary" onClick={() => run("approve")} pending={pending}>
          {t("approve")}
        </Button>
        <Button size="sm" onClick={() => run("reject")} disabled={pending}>
          {t("reject")}
        </Button>
      </div>
      {error && <p className="font-medium text-red-700">{t("failed")}</p>}
    </Alert>
  );
}
