import { getTranslations } from "next-intl/server";
import { MessageCard } from "@/components/layout/message-card";

/** A page the staff member's role may not open: shown in place of it, with status 403. */
export default async function Forbidden() {
  const t = await getTranslations("forbiddenPage");
  return <MessageCard title={t("title")} body={t("body")} back={t("back")} />;
}
