import { getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { PageHeader } from "@/components/shell/page-header";

export default async function AuthorHome() {
  await requireArea("author");
  const t = await getTranslations("home");
  return (
    <>
      <PageHeader title={t("trainer.title")} intro={t("trainer.intro")} />
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
        {t("comingSoon")}
      </p>
    </>
  );
}
