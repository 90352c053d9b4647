// How a report names the key of a split (an operation, a reason, a staff member, a financing type) in the page's
// language: its tables and the list a figure opens say the same words. Server-only.
import "server-only";
import { getTranslations } from "next-intl/server";
import type { Dimension } from "./range";

export async function splitLabeller(): Promise<
  (dimension: Dimension, key: string, label?: string) => string
> {
  const t = await getTranslations("reports");
  const tIntents = await getTranslations("intents");
  const tReasons = await getTranslations("reasons");
  const tCancelReasons = await getTranslations("cancelReasons");
  const tFinancing = await getTranslations("financingTypes");
  return (dimension, key, label = "") => {
    switch (dimension) {
      case "operation":
        return tIntents.has(key as "refund") ? tIntents(key as "refund") : key;
      case "reason":
        if (key === "") return t("noReason");
        if (tReasons.has(key as "other")) return tReasons(key as "other");
        return tCancelReasons.has(key as "APPLICATION_CANCELLED_OTHER")
          ? tCancelReasons(key as "APPLICATION_CANCELLED_OTHER")
          : key;
      case "staff":
        return label || key;
      case "type":
        if (key === "") return t("unknownType");
        return tFinancing.has(key as "PAY_IN_THREE") ? tFinancing(key as "PAY_IN_THREE") : key;
    }
  };
}
