"use client";
// "Check now": reads the order and the journal again at once, and says so when that was not possible.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "../ui/button";
import { useHydrated } from "../ui/use-hydrated";

export function CheckNow({ recheck, checking }: { recheck: () => Promise<boolean>; checking: boolean }) {
  const t = useTranslations("journal");
  const [failed, setFailed] = useState(false);
  const live = useHydrated();
  return (
    <>
      <Button
        size="sm"
        pending={checking}
        disabled={!live}
        onClick={async () => {
          setFailed(false);
          setFailed(!(await recheck()));
        }}
      >
        {t("checkNow")}
      </Button>
      {failed && <p className="w-full font-medium text-red-800">{t("checkFailed")}</p>}
    </>
  );
}
