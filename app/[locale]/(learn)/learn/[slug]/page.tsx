import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { shellActions } from "@/app/[locale]/shell";
import {
  ChapterAttempts,
  ChapterStateProvider,
  ChapterStatusBadge,
  ContinueBanner,
  HeaderBell,
  HeaderUser,
} from "@/components/learn/chapter-state";
import { ChapterToc } from "@/components/learn/chapter-toc";
import { KnowledgeCheck } from "@/components/learn/knowledge-check";
import { ReadingTracker } from "@/components/learn/reading-tracker";
import { EmbeddedScenario } from "@/components/scenario/embedded-scenario";
import { AppHeader } from "@/components/shell/app-header";
import { Link } from "@/components/ui/link";
import { getCatalog } from "@/db/queries/content-catalog";
import type { Catalog } from "@/lib/content/catalog";
import type { CompiledChapter } from "@/lib/content/types";
import { toLocale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ locale: string; slug: string }> };

/**
 * The chapter is the same for every learner, so each page is rendered once from the latest
 * published revision and then served from Next's cache: none at build time (the revisions live in
 * the database), each on its first request. Publishing or rolling back revalidates the pages on the
 * instance that wrote; other instances pick the new revision up within `revalidate` seconds, and a
 * knowledge-check attempt is scored against the revision it was drawn from.
 * proxy.ts checks the session token and role before serving a page; the learner's status, progress
 * and attempts load from /api/learn/[slug]/me. The page holds no question of the check's pool:
 * the check draws its attempt on the server (/api/learn/[slug]/check).
 */
export const revalidate = 10;

export function generateStaticParams(): { locale: string; slug: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props) {
  const { locale, slug } = await params;
  const entry = (await getCatalog()).findChapter(slug, toLocale(locale));
  return { title: entry?.result.ok ? entry.result.chapter.meta.title : undefined };
}

export default async function ChapterPage({ params }: Props) {
  const { locale: rawLocale, slug } = await params;
  const locale = toLocale(rawLocale);
  setRequestLocale(locale);
  const catalog = await getCatalog();
  const entry = catalog.findChapter(slug, locale);
  if (!entry) notFound();
  const t = await getTranslations("learn");

  const slugs = catalog.chapterSlugs();
  const index = slugs.indexOf(slug);
  const neighbour = (i: number) => {
    const s = slugs[i];
    const e = s ? catalog.findChapter(s, locale) : null;
    return s && e?.result.ok ? { slug: s, title: e.result.chapter.meta.title } : null;
  };
  const [previous, next] = [neighbour(index - 1), neighbour(index + 1)];

  return (
    <ChapterStateProvider slug={slug}>
      <AppHeader userRole="learner" userBlock={<HeaderUser />} bell={<HeaderBell />} actions={shellActions} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {entry.result.ok ? (
          <ChapterView
            entry={{ ...entry.result.chapter, locale: entry.locale, fallback: entry.fallback }}
            index={index}
            catalog={catalog}
          />
        ) : (
          <div role="alert" className="rounded-lg border-l-4 border-amber-600 bg-amber-50 p-6">
            <h1 className="text-xl font-semibold">{t("unavailableTitle")}</h1>
            <p className="mt-2">{t("unavailable")}</p>
            <Link href="/learn" className="mt-4 inline-block text-brand-700 underline">
              {t("backToList")}
            </Link>
          </div>
        )}
        <nav
          aria-label={t("pager")}
          className="mt-10 flex flex-wrap justify-between gap-4 border-t border-slate-200 pt-6"
          data-print-hidden
        >
          {previous ? (
            <Link href={`/learn/${previous.slug}`} className="text-brand-700 hover:underline">
              ← {t("previousTo", { title: previous.title })}
            </Link>
          ) : (
            <span />
          )}
          {next && (
            <Link href={`/learn/${next.slug}`} className="text-right text-brand-700 hover:underline">
              {t("nextTo", { title: next.title })} →
            </Link>
          )}
        </nav>
      </main>
    </ChapterStateProvider>
  );
}

async function ChapterView({
  entry,
  index,
  catalog,
}: {
  entry: CompiledChapter & { locale: string; fallback: boolean };
  index: number;
  catalog: Catalog;
}) {
  const t = await getTranslations("learn");
  const { meta, segments, toc } = entry;
  return (
    <div className="lg:grid lg:grid-cols-[16rem_1fr] lg:gap-8">
      <aside className="sticky top-0 z-20 mb-6 lg:top-4 lg:mb-0 lg:self-start">
        <ChapterToc toc={toc} articleId="chapter-text" />
      </aside>
      <div className="min-w-0">
        <Link href="/learn" className="text-sm text-brand-700 hover:underline" data-print-hidden>
          ← {t("backToList")}
        </Link>
        <header className="mt-2 mb-6">
          <p className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
            <span>{t("chapterN", { n: index + 1 })}</span>
            <span>{t("minutes", { minutes: meta.estimatedMinutes })}</span>
            <ChapterStatusBadge />
          </p>
          <h1 className="mt-1 text-2xl font-semibold text-slate-900 sm:text-3xl">{meta.title}</h1>
          <p className="mt-2 text-slate-700">{meta.summary}</p>
        </header>
        {entry.fallback && (
          <p role="note" className="mb-4 rounded-md border border-sky-300 bg-sky-50 p-3 text-sm">
            {t("fallback")}
          </p>
        )}
        <ContinueBanner toc={toc} />
        <article id="chapter-text" lang={entry.locale} className="chapter-prose">
          {segments.map((segment, i) => {
            const found =
              segment.type === "scenario" ? catalog.findScenario(segment.slug, toLocale(entry.locale)) : null;
            return found ? (
              <EmbeddedScenario
                // biome-ignore lint/suspicious/noArrayIndexKey: segments are fixed at build time
                key={i}
                slug={found.slug}
                title={found.scenario.title}
                summary={found.scenario.summary}
              />
            ) : (
              // biome-ignore lint/security/noDangerouslySetInnerHtml: built by lib/content from whitelisted components and sanitised there; no author HTML passes through
              // biome-ignore lint/suspicious/noArrayIndexKey: segments are fixed at build time
              <div key={i} className="chapter-chunk" dangerouslySetInnerHTML={{ __html: segment.html }} />
            );
          })}
        </article>
        <ReadingTracker slug={meta.slug} sectionIds={toc.map((s) => s.id)} />

        <section
          id="knowledge-check"
          aria-labelledby="check-title"
          className="mt-10 scroll-mt-16 lg:scroll-mt-4"
          data-print-hidden
        >
          <h2 id="check-title" className="text-xl font-semibold">
            {t("check.title")}
          </h2>
          <div className="mt-4">
            <KnowledgeCheck slug={meta.slug} />
          </div>
          <ChapterAttempts />
        </section>
      </div>
    </div>
  );
}
