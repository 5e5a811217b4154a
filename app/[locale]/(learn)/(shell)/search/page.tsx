import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireUser } from "@/app/[locale]/(auth)/session";
import { SearchBox } from "@/components/search/search-box";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { getCatalog } from "@/db/queries/content-catalog";
import { can, homeFor } from "@/lib/auth/roles";
import { toLocale } from "@/lib/i18n/locales";
import { searchSections } from "@/lib/search/match";
import { catalogSections } from "@/lib/search/sections";

export const MAX_QUERY = 100;
const query = z.object({ q: z.string().trim().max(MAX_QUERY).default("") });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 搜索章节: every published chapter's sections in the reader's language; a result opens its section. */
export default async function ChapterSearch({ searchParams }: Props) {
  const user = await requireUser();
  if (!can(user.role, "learn")) redirect(homeFor(user.role));
  const raw = [(await searchParams).q].flat()[0];
  const parsed = query.safeParse({ q: raw });
  const [t, locale, catalog] = await Promise.all([
    getTranslations("search"),
    getLocale().then(toLocale),
    getCatalog(),
  ]);
  const q = parsed.success ? parsed.data.q : "";
  const hits = q ? searchSections(catalogSections(catalog, locale), q) : [];

  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="mb-6 max-w-xl">
        <SearchBox query={parsed.success ? q : (raw ?? "").slice(0, MAX_QUERY)} autoFocus={!q} />
      </div>
      {!parsed.success ? (
        <p role="alert" className="text-red-800">
          {t("tooLong", { max: MAX_QUERY })}
        </p>
      ) : q === "" ? null : hits.length === 0 ? (
        <EmptyState>{t("none", { query: q })}</EmptyState>
      ) : (
        <section aria-labelledby="results-title">
          <h2 id="results-title" className="mb-3 text-lg font-semibold" aria-live="polite">
            {t("results", { count: hits.length, query: q })}
          </h2>
          <ol className="space-y-3">
            {hits.map((hit) => (
              <li
                key={`${hit.slug}#${hit.sectionId}`}
                className="rounded-lg border border-slate-200 bg-white p-4"
              >
                <Link
                  href={`/learn/${hit.slug}#${hit.sectionId}`}
                  className="font-medium text-brand-700 underline"
                >
                  {hit.sectionTitle}
                </Link>
                <p className="mt-0.5 text-sm text-slate-600">{hit.chapterTitle}</p>
                <p className="mt-2 break-words text-sm text-slate-800">
                  {hit.snippet.before}
                  {hit.snippet.match && (
                    <mark className="rounded bg-amber-100 px-0.5 text-slate-900">{hit.snippet.match}</mark>
                  )}
                  {hit.snippet.after}
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
