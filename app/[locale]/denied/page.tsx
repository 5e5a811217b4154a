import { getTranslations, setRequestLocale } from "next-intl/server";
import { StatusPage } from "@/components/shell/status-page";

/** The 403 page the proxy serves for prerendered pages a role may not open. */
export default async function Denied({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  const t = await getTranslations("forbidden");
  return <StatusPage code="403" title={t("title")} body={t("body")} homeLabel={t("home")} />;
}
