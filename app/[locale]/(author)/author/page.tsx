import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { PageHeader } from "@/components/shell/page-header";

export default async function AuthorHome() {
  await requireArea("author");
  const [t, tr, ti] = await Promise.all([
    getTranslations("home"),
    getTranslations("review"),
    getTranslations("reports.items"),
  ]);
  return (
    <>
      <PageHeader title={t("trainer.title")} intro={t("trainer.intro")} />
      <ul className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
        <li>
          <Link href="/author/reviews" className="font-medium text-brand-700 underline">
            {tr("queueLink")}
          </Link>
        </li>
        <li>
          <Link href="/reports/items" className="font-medium text-brand-700 underline">
            {ti("authorLink")}
          </Link>
        </li>
      </ul>
    </>
  );
}
