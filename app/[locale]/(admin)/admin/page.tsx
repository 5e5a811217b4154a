import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { PageHeader } from "@/components/shell/page-header";

export default async function AdminHome() {
  await requireArea("admin");
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("home.admin.title")} intro={t("home.admin.intro")} />
      <ul className="grid gap-4 sm:grid-cols-2">
        <li>
          <Link
            href="/admin/certificates"
            className="block rounded-lg bg-white p-5 ring-1 ring-slate-200 hover:ring-brand-500 focus-visible:outline-2"
          >
            <span className="font-semibold">{t("adminHome.certificates")}</span>
            <span className="mt-1 block text-sm text-slate-600">{t("adminHome.certificatesHint")}</span>
          </Link>
        </li>
      </ul>
      <p className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
        {t("home.comingSoon")}
      </p>
    </>
  );
}
