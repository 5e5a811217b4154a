import Link from "next/link";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/app/[locale]/(auth)/session";
import { chapterStatus } from "@/components/learn/chapter-status";
import { StatusBadge } from "@/components/learn/status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { getChapterStandings, getLatestReading } from "@/db/queries/learning";
import { getScenarioStandings } from "@/db/queries/practice";
import { can, homeFor } from "@/lib/auth/roles";
import { certificationFiles } from "@/lib/certification/catalog";
import { checkRequirements } from "@/lib/certification/rules";
import { chapterSlugs, findChapter } from "@/lib/content/catalog";
import { toLocale } from "@/lib/i18n/locales";
import { findScenario } from "@/lib/scenario/catalog";

export default async function LearnerHome() {
  const user = await requireUser();
  if (!can(user.role, "learn")) redirect(homeFor(user.role));
  const [t, locale, chapters, scenarios, latest] = await Promise.all([
    getTranslations("home.learner"),
    getLocale().then(toLocale),
    getChapterStandings({ userId: user.id }),
    getScenarioStandings({ userId: user.id }),
    getLatestReading({ userId: user.id }),
  ]);
  const title = (slug: string) => {
    const e = findChapter(slug, locale);
    return e?.result.ok ? e.result.chapter.meta.title : slug;
  };
  const slugs = chapterSlugs();
  const resume = latest && !chapters.get(latest.moduleSlug)?.passed ? latest.moduleSlug : null;

  const now = new Date();
  const certifications = certificationFiles().flatMap((f) =>
    "certification" in f.result ? [f.result.certification] : [],
  );
  const results = {
    chapters: [...chapters].map(([slug, s]) => ({
      slug,
      percent: s.bestPercent ?? 0,
      passed: s.passed,
      at: now,
    })),
    scenarios: [...scenarios].map(([slug, s]) => ({ slug, percent: s.bestPercent, at: now })),
  };

  return (
    <>
      <PageHeader title={t("title")} intro={t("intro", { name: user.name })} />
      <section
        aria-labelledby="continue-title"
        className="mb-6 rounded-lg border border-brand-100 bg-brand-50 p-4"
      >
        <h2 id="continue-title" className="text-lg font-semibold">
          {t("continueTitle")}
        </h2>
        <Link
          href={`/learn/${resume ?? slugs.find((s) => !chapters.get(s)?.passed) ?? slugs[0]}`}
          className="mt-1 inline-block font-medium text-brand-700 underline"
        >
          {resume
            ? t("continue", { title: title(resume) })
            : t("startFirst", {
                title: title(slugs.find((s) => !chapters.get(s)?.passed) ?? slugs[0] ?? ""),
              })}
        </Link>
      </section>

      {certifications.map((c) => {
        const check = checkRequirements(c, results);
        return (
          <section
            key={c.id}
            aria-labelledby={`cert-${c.id}`}
            className="mb-6 rounded-lg border border-slate-200 bg-white p-4"
          >
            <h2 id={`cert-${c.id}`} className="text-lg font-semibold">
              {t("certTitle", { name: c.name[locale] })}
            </h2>
            <p className="mt-1 text-slate-700">
              {check.met ? t("certMet") : t("certMissing", { count: check.missing.length })}
            </p>
            <div className="mt-4 grid gap-6 md:grid-cols-2">
              <div>
                <h3 className="font-medium">
                  {t("chapters")} ·{" "}
                  {t("passedOf", {
                    passed: c.chapters.filter((s) => chapters.get(s)?.passed).length,
                    total: c.chapters.length,
                  })}
                </h3>
                <ul className="mt-2 space-y-1.5 text-sm">
                  {c.chapters.map((slug) => (
                    <li key={slug} className="flex flex-wrap items-center justify-between gap-2">
                      <Link href={`/learn/${slug}`} className="text-brand-700 hover:underline">
                        {title(slug)}
                      </Link>
                      <StatusBadge status={chapterStatus(chapters.get(slug))} />
                    </li>
                  ))}
                </ul>
              </div>
              <div>
                <h3 className="font-medium">
                  {t("scenarios")} ·{" "}
                  {t("passedOf", {
                    passed: c.scenarios.filter(
                      (s) => (scenarios.get(s.slug)?.bestPercent ?? -1) >= s.minPercent,
                    ).length,
                    total: c.scenarios.length,
                  })}
                </h3>
                <ul className="mt-2 space-y-1.5 text-sm">
                  {c.scenarios.map((s) => {
                    const best = scenarios.get(s.slug)?.bestPercent;
                    const met = (best ?? -1) >= s.minPercent;
                    return (
                      <li key={s.slug} className="flex flex-wrap items-center justify-between gap-2">
                        <Link href={`/practice/${s.slug}`} className="text-brand-700 hover:underline">
                          {findScenario(s.slug, locale)?.scenario.title ?? s.slug}
                        </Link>
                        <span className={met ? "text-emerald-800" : "text-slate-600"}>
                          {best === undefined ? t("none") : t("best", { percent: best })} ·{" "}
                          {t("minScore", { min: s.minPercent })}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </div>
            </div>
          </section>
        );
      })}
    </>
  );
}
