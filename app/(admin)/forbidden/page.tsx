import { getTranslations } from "next-intl/server";
import { MessageCard } from "@/components/layout/message-card";

export default async function Forbidden() {
  const t = await getTranslations("forbiddenPage");
  return <MessageCard title={t("title")} body={t("body")} back={t("back")} />;
}
