import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { ScenarioPlayer } from "@/components/scenario/scenario-player";
import { PageHeader } from "@/components/shell/page-header";
import { Link } from "@/components/ui/link";
import { getCatalog } from "@/db/queries/content-catalog";
import { toLocale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const catalog = await getCatalog();
  const found = catalog.findScenario((await params).slug, toLocale(await getLocale()));
  return { title: found?.scenario.title };
}

export default async function PracticePage({ params }: Props) {
  await requireArea("learn");
  const { slug } = await params;
  const catalog = await getCatalog();
  const found = catalog.findScenario(slug, toLocale(await getLocale()));
  if (!found) notFound();
  const { scenario } = found;
  const t = await getTranslations("practice");
  return (
    <div className="mx-auto max-w-3xl">
      <Link href="/practice" className="text-sm text-brand-700 hover:underline">
        ← {t("result.back")}
      </Link>
      <PageHeader title={scenario.title} intro={scenario.summary} />
      <ScenarioPlayer
        slug={slug}
        intro={
          <p className="text-sm text-slate-600">
            {t("competencies")}: {scenario.competencies.map((c) => c.label).join(" · ")} ·{" "}
            {t("passScore", { passScore: scenario.passScore })} ·{" "}
            {t("minutes", { minutes: scenario.estimatedMinutes })}
          </p>
        }
      />
    </div>
  );
}
