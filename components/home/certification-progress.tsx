import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { chapterStatus } from "@/components/learn/chapter-status";
import { StatusBadge } from "@/components/learn/status-badge";
import { getCatalog } from "@/db/queries/content-catalog";
import type { ChapterStanding } from "@/db/queries/learning";
import type { ScenarioStanding } from "@/db/queries/practice";
import type { Certification } from "@/lib/certification/definition";
import { checkRequirements } from "@/lib/certification/rules";
import type { Locale } from "@/lib/i18n/locales";
import { itemTitle } from "@/lib/training/item-title";

/** Each requirement of a certification with the learner's latest standing: chapter status, best role-play score. */
export async function CertificationProgress({
  definition: c,
  chapters,
  scenarios,
  locale,
}: {
  definition: Certification;
  chapters: Map<string, ChapterStanding>;
  scenarios: Map<string, ScenarioStanding>;
  locale: Locale;
}) {
  const catalog = await getCatalog();
  const t = await getTranslations("home.learner");
  const now = new Date();
  const check = checkRequirements(c, {
    chapters: [...chapters].map(([slug, s]) => ({
      slug,
      percent: s.bestPercent ?? 0,
      passed: s.passed,
      at: now,
    })),
    scenarios: [...scenarios].map(([slug, s]) => ({ slug, percent: s.bestPercent, at: now })),
    exams: [],
  });
  const scenarioMet = (slug: string, min: number) => (scenarios.get(slug)?.bestPercent ?? -1) >= min;
  return (
    <section
      id="certification"
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
                  {itemTitle(catalog, "chapter", slug, locale)}
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
              passed: c.scenarios.filter((s) => scenarioMet(s.slug, s.minPercent)).length,
              total: c.scenarios.length,
            })}
          </h3>
          <ul className="mt-2 space-y-1.5 text-sm">
            {c.scenarios.map((s) => {
              const best = scenarios.get(s.slug)?.bestPercent;
              return (
                <li key={s.slug} className="flex flex-wrap items-center justify-between gap-2">
                  <Link href={`/practice/${s.slug}`} className="text-brand-700 hover:underline">
                    {itemTitle(catalog, "scenario", s.slug, locale)}
                  </Link>
                  <span className={scenarioMet(s.slug, s.minPercent) ? "text-emerald-800" : "text-slate-600"}>
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
}
