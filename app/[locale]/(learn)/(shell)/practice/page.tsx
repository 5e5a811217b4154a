import { getLocale, getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { PageHeader } from "@/components/shell/page-header";
import { Link } from "@/components/ui/link";
import { getCatalog } from "@/db/queries/content-catalog";
import { getScenarioStandings } from "@/db/queries/practice";
import { toLocale } from "@/lib/i18n/locales";

export async function generateMetadata() {
  return { title: (await getTranslations("practice"))("title") };
}

export default async function PracticeListPage() {
  const user = await requireArea("learn");
  const [t, locale, standings] = await Promise.all([
    getTranslations("practice"),
    getLocale().then(toLocale),
    getScenarioStandings({ userId: user.id }),
  ]);
  const catalog = await getCatalog();
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <ul className="grid gap-3 md:grid-cols-3">
        {catalog.scenarioSlugs().map((slug) => {
          const found = catalog.findScenario(slug, locale);
          if (!found) return null;
          const { scenario } = found;
          const standing = standings.get(slug);
          return (
            <li
              key={slug}
              className="flex flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
            >
              <h2 className="text-lg font-semibold">
                <Link href={`/practice/${slug}`} className="text-brand-700 hover:underline">
                  {scenario.title}
                </Link>
              </h2>
              <p className="mt-1 flex-1 text-slate-700">{scenario.summary}</p>
              <p className="mt-3 text-sm text-slate-600">
                {t("competencies")}: {scenario.competencies.map((c) => c.label).join(" · ")}
              </p>
              <p className="mt-1 flex flex-wrap gap-x-4 text-sm text-slate-600">
                <span>{t("minutes", { minutes: scenario.estimatedMinutes })}</span>
                <span>
                  {t("best")}: {standing ? `${standing.bestPercent}%` : t("noScore")}
                </span>
              </p>
            </li>
          );
        })}
      </ul>
    </>
  );
}
