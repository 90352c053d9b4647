import { useTranslations } from "next-intl";
import { SUBSTATE_TONE } from "@/lib/orders/presentation";
import type { ApplicationState, StateReason } from "@/lib/skippay/schemas";
import { Badge } from "../ui/badge";

/** The application's state and substate as two badges, e.g. "Ready" + "Delivered". */
export function ApplicationStateBadges({
  state,
  stateReason,
}: {
  state: ApplicationState;
  stateReason: StateReason;
}) {
  const t = useTranslations("states");
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5">
      <Badge tone={SUBSTATE_TONE[stateReason]} title={t(`explain.${stateReason}`)}>
        <span className="sr-only">{t("stateLabel")}: </span>
        {t(`state.${state}`)}
      </Badge>
      <Badge tone="neutral" title={t(`explain.${stateReason}`)}>
        <span className="sr-only">{t("substateLabel")}: </span>
        {t(`substate.${stateReason}`)}
      </Badge>
    </span>
  );
}
