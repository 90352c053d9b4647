import { getTranslations } from "next-intl/server";
import { MessageCard } from "@/components/layout/message-card";

export default async function ApplicationNotFound() {
  const t = await getTranslations("application");
  return <MessageCard title={t("notFoundTitle")} body={t("notFoundBody")} back={t("back")} />;
}
