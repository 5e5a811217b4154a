import { getLocale, getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { PageHeader } from "@/components/shell/page-header";

export default async function ReportsHome() {
  const user = await requireArea("reports");
  const [t, locale] = await Promise.all([getTranslations("home"), getLocale()]);
  const branch = locale === "en" ? user.branchNameEn : user.branchName;
  return (
    <>
      <PageHeader title={t("manager.title")} intro={t("manager.intro", { branch })} />
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
        {t("comingSoon")}
      </p>
    </>
  );
}
