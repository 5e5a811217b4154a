import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { PageHeader } from "@/components/shell/page-header";

export default async function ReportsHome() {
  const user = await requireArea("reports");
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const branch = locale === "en" ? user.branchNameEn : user.branchName;
  return (
    <>
      <PageHeader title={t("home.manager.title")} intro={t("home.manager.intro", { branch })}>
        <Link
          href="/reports/assign"
          className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
        >
          {t("assign.open")}
        </Link>
      </PageHeader>
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
        {t("home.comingSoon")}
      </p>
    </>
  );
}
