import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireArea } from "@/app/(auth)/session";
import { AttemptHistory } from "@/components/learn/attempt-history";
import { chapterStatus } from "@/components/learn/chapter-status";
import { ChapterToc } from "@/components/learn/chapter-toc";
import { KnowledgeCheckForm } from "@/components/learn/knowledge-check-form";
import { ReadingTracker } from "@/components/learn/reading-tracker";
import { StatusBadge } from "@/components/learn/status-badge";
import { getChapterStandings, getReadingProgress, listCheckAttempts } from "@/db/queries/learning";
import { chapterSlugs, findChapter } from "@/lib/content/catalog";
import { toPublicQuestions } from "@/lib/content/knowledge-check";
import { toLocale } from "@/lib/i18n/locales";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props) {
  const entry = findChapter((await params).slug, toLocale(await getLocale()));
  return { title: entry?.result.ok ? entry.result.chapter.meta.title : undefined };
}

export default async function ChapterPage({ params }: Props) {
  const user = await requireArea("learn");
  const { slug } = await params;
  const locale = toLocale(await getLocale());
  const entry = findChapter(slug, locale);
  if (!entry) notFound();
  const t = await getTranslations("learn");

  const slugs = chapterSlugs();
  const index = slugs.indexOf(slug);
  const neighbour = (i: number) => {
    const s = slugs[i];
    const e = s ? findChapter(s, locale) : null;
    return s && e?.result.ok ? { slug: s, title: e.result.chapter.meta.title } : null;
  };
  const [previous, next] = [neighbour(index - 1), neighbour(index + 1)];

  if (!entry.result.ok) {
    return (
      <div role="alert" className="rounded-lg border-l-4 border-amber-600 bg-amber-50 p-6">
        <h1 className="text-xl font-semibold">{t("unavailableTitle")}</h1>
        <p className="mt-2">{t("unavailable")}</p>
        <Link href="/learn" className="mt-4 inline-block text-brand-700 underline">
          {t("backToList")}
        </Link>
      </div>
    );
  }
  const { meta, html, toc, questions, version } = entry.result.chapter;
  const [progress, attempts, standings] = await Promise.all([
    getReadingProgress({ userId: user.id, moduleSlug: slug }),
    listCheckAttempts({ userId: user.id, moduleSlug: slug }),
    getChapterStandings({ userId: user.id }),
  ]);
  const resumeAt = progress && progress.sectionIndex > 0 ? toc[progress.sectionIndex] : undefined;

  return (
    <div className="lg:grid lg:grid-cols-[16rem_1fr] lg:gap-8">
      <aside className="mb-6 lg:sticky lg:top-4 lg:mb-0 lg:self-start">
        <ChapterToc label={t("toc")} toc={toc} checkTitle={t("check.title")} />
      </aside>
      <div className="min-w-0">
        <Link href="/learn" className="text-sm text-brand-700 hover:underline" data-print-hidden>
          ← {t("backToList")}
        </Link>
        <header className="mt-2 mb-6">
          <p className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
            <span>{t("chapterN", { n: index + 1 })}</span>
            <span>{t("minutes", { minutes: meta.estimatedMinutes })}</span>
            <StatusBadge status={chapterStatus(standings.get(slug))} />
          </p>
          <h1 className="mt-1 text-2xl font-semibold text-slate-900 sm:text-3xl">{meta.title}</h1>
          <p className="mt-2 text-slate-700">{meta.summary}</p>
        </header>
        {entry.fallback && (
          <p role="note" className="mb-4 rounded-md border border-sky-300 bg-sky-50 p-3 text-sm">
            {t("fallback")}
          </p>
        )}
        {resumeAt && (
          <p
            className="mb-6 flex flex-wrap items-center gap-x-3 rounded-md border border-brand-100 bg-brand-50 p-3 text-sm"
            data-print-hidden
          >
            <span>{t("continue", { section: resumeAt.title })}</span>
            <a href={`#${resumeAt.id}`} className="font-medium text-brand-700 underline">
              {t("continueLink")}
            </a>
          </p>
        )}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: built by lib/content from whitelisted components and sanitised there; no author HTML passes through */}
        <article lang={entry.locale} className="chapter-prose" dangerouslySetInnerHTML={{ __html: html }} />
        <ReadingTracker
          slug={slug}
          sectionIds={toc.map((s) => s.id)}
          furthest={progress?.sectionIndex ?? -1}
        />

        <section
          id="knowledge-check"
          aria-labelledby="check-title"
          className="mt-10 scroll-mt-4"
          data-print-hidden
        >
          <h2 id="check-title" className="text-xl font-semibold">
            {t("check.title")}
          </h2>
          <p className="mt-1 mb-4 text-slate-700">
            {t("check.intro", { count: questions.length, passScore: meta.passScore })}
          </p>
          <KnowledgeCheckForm
            slug={slug}
            version={version}
            questions={toPublicQuestions(questions)}
            passScore={meta.passScore}
          />
          <AttemptHistory attempts={attempts} />
        </section>

        <nav
          aria-label={t("pager")}
          className="mt-10 flex flex-wrap justify-between gap-4 border-t border-slate-200 pt-6"
          data-print-hidden
        >
          {previous ? (
            <Link href={`/learn/${previous.slug}`} className="text-brand-700 hover:underline">
              ← {t("previous")}：{previous.title}
            </Link>
          ) : (
            <span />
          )}
          {next && (
            <Link href={`/learn/${next.slug}`} className="text-right text-brand-700 hover:underline">
              {t("next")}：{next.title} →
            </Link>
          )}
        </nav>
      </div>
    </div>
  );
}
