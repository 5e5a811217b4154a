import { getLocale, getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { chapterStatus } from "@/components/learn/chapter-status";
import { StatusBadge } from "@/components/learn/status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { Link } from "@/components/ui/link";
import { getCatalog } from "@/db/queries/content-catalog";
import { getChapterStandings } from "@/db/queries/learning";
import { toLocale } from "@/lib/i18n/locales";

export async function generateMetadata() {
  return { title: (await getTranslations("learn"))("title") };
}

export default async function ChapterListPage() {
  const user = await requireArea("learn");
  const [t, locale, standings, catalog] = await Promise.all([
    getTranslations("learn"),
    getLocale().then(toLocale),
    getChapterStandings({ userId: user.id }),
    getCatalog(),
  ]);

  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <ol className="grid gap-3">
        {catalog.chapterSlugs().map((slug, i) => {
          const entry = catalog.findChapter(slug, locale);
          const chapter = entry?.result.ok ? entry.result.chapter : null;
          const standing = standings.get(slug);
          return (
            <li key={slug} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span className="text-sm text-slate-600">{t("chapterN", { n: i + 1 })}</span>
                <StatusBadge status={chapterStatus(standing)} />
              </div>
              {chapter ? (
                <>
                  <h2 className="mt-1 text-lg font-semibold">
                    <Link href={`/learn/${slug}`} className="text-brand-700 hover:underline">
                      {chapter.meta.title}
                    </Link>
                  </h2>
                  <p className="mt-1 text-slate-700">{chapter.meta.summary}</p>
                  <p className="mt-2 flex flex-wrap gap-x-4 text-sm text-slate-600">
                    <span>{t("minutes", { minutes: chapter.meta.estimatedMinutes })}</span>
                    <span>
                      {t("bestScore")}:{" "}
                      {standing?.bestPercent != null ? `${standing.bestPercent}%` : t("noScore")}
                    </span>
                  </p>
                </>
              ) : (
                <>
                  <h2 className="mt-1 text-lg font-semibold text-slate-500">{slug}</h2>
                  <p className="mt-1 text-slate-600">{t("unavailable")}</p>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
