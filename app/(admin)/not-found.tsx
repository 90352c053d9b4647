import { getTranslations } from "next-intl/server";
import { MessageCard } from "@/components/layout/message-card";

export default async function NotFound() {
  const t = await getTranslations("notFoundPage");
  return <MessageCard title={t("title")} back={t("back")} />;
}
