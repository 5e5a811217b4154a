import { getTranslations } from "next-intl/server";
import { chapterStatus } from "@/components/learn/chapter-status";
import { StatusBadge } from "@/components/learn/status-badge";
import { Link } from "@/components/ui/link";
import { getCatalog } from "@/db/queries/content-catalog";
import type { ChapterStanding } from "@/db/queries/learning";
import type { ScenarioStanding } from "@/db/queries/practice";
import type { ExamStep } from "@/lib/assessment/views";
import type { Certification } from "@/lib/certification/definition";
import { checkRequirements } from "@/lib/certification/rules";
import { formatDateTime } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/locales";
import { itemTitle } from "@/lib/training/item-title";
import { OverallProgress } from "./overall-progress";

/**
 * Each requirement of a certification with the learner's latest standing: chapter status, best
 * role-play score, and the exam step (start, continue with the time left, or when it opens again).
 * A role-play counts as it stands (contested answers at their floor); one whose score meets the
 * requirement only as graded is marked as waiting for a review, and so is the certification when
 * that is all it waits for (`waiting`).
 */
export async function CertificationProgress({
  definition: c,
  chapters,
  scenarios,
  waiting,
  exam,
  locale,
}: {
  definition: Certification;
  chapters: Map<string, ChapterStanding>;
  scenarios: Map<string, ScenarioStanding>;
  waiting: boolean;
  exam: { step: ExamStep; last: { percent: number; passed: boolean } | null } | null;
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
    scenarios: [...scenarios].map(([slug, s]) => ({ slug, percent: s.standingPercent, at: now })),
    exams: [],
  });
  const scenarioMet = (slug: string, min: number) => (scenarios.get(slug)?.standingPercent ?? -1) >= min;
  const onHold = (slug: string, min: number) =>
    !scenarioMet(slug, min) && (scenarios.get(slug)?.bestPercent ?? -1) >= min;
  const examDone = exam?.step.state === "certified";
  const missing = check.missing.length + (exam && !examDone ? 1 : 0);
  const chaptersPassed = c.chapters.filter((s) => chapters.get(s)?.passed).length;
  const scenariosMet = c.scenarios.filter((s) => scenarioMet(s.slug, s.minPercent)).length;
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
        {missing === 0 ? t("certMet") : t("certMissing", { count: missing })}
      </p>
      {waiting && <p className="mt-1 font-medium text-amber-900">{t("certWaiting")}</p>}
      <OverallProgress
        steps={[
          { key: "chapters", done: chaptersPassed, total: c.chapters.length },
          { key: "scenarios", done: scenariosMet, total: c.scenarios.length },
          ...(exam ? [{ key: "exam" as const, done: examDone ? 1 : 0, total: 1 }] : []),
        ]}
        read={c.chapters.filter((s) => chapters.get(s)?.started || chapters.get(s)?.passed).length}
        certified={missing === 0}
      />
      <div className="mt-4 grid gap-6 md:grid-cols-2">
        <div>
          <h3 className="font-medium">
            {t("chapters")} · {t("passedOf", { passed: chaptersPassed, total: c.chapters.length })}
          </h3>
          <ul className="mt-2 space-y-1.5 text-sm">
            {c.chapters.map((slug) => (
              <li key={slug} className="grid grid-cols-[minmax(0,1fr)_auto] items-start gap-2">
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
            {t("scenarios")} · {t("passedOf", { passed: scenariosMet, total: c.scenarios.length })}
          </h3>
          <ul className="mt-2 space-y-1.5 text-sm">
            {c.scenarios.map((s) => {
              const best = scenarios.get(s.slug)?.bestPercent;
              return (
                <li key={s.slug} className="grid grid-cols-[minmax(0,1fr)_auto] items-start gap-2">
                  <Link href={`/practice/${s.slug}`} className="text-brand-700 hover:underline">
                    {itemTitle(catalog, "scenario", s.slug, locale)}
                  </Link>
                  <span
                    className={`flex flex-col items-end gap-1 text-right ${scenarioMet(s.slug, s.minPercent) ? "text-emerald-800" : "text-slate-600"}`}
                  >
                    <span className="whitespace-nowrap">
                      {best === undefined ? t("none") : t("best", { percent: best })} ·{" "}
                      {t("minScore", { min: s.minPercent })}
                    </span>
                    {onHold(s.slug, s.minPercent) && (
                      <span className="whitespace-nowrap rounded-full bg-amber-100 px-2 text-amber-950">
                        {t("onHold")}
                      </span>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
      </div>
      {exam && <ExamRow certificationId={c.id} exam={exam} locale={locale} />}
    </section>
  );
}

async function ExamRow({
  certificationId,
  exam: { step, last },
  locale,
}: {
  certificationId: string;
  exam: { step: ExamStep; last: { percent: number; passed: boolean } | null };
  locale: Locale;
}) {
  const t = await getTranslations("home.learner");
  const href = `/exam/${certificationId}`;
  const link = (text: string) => (
    <Link
      href={href}
      className="mt-2 inline-block rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
    >
      {text}
    </Link>
  );
  const when = (at: Date) => formatDateTime(at, locale);
  return (
    <div className="mt-4 border-t border-slate-200 pt-4">
      <h3 className="font-medium">{t("examTitle")}</h3>
      <div className="mt-1 text-sm">
        {step.state === "open" && (
          <>
            <p>{t("examOpen", { minutes: Math.ceil(step.remainingSeconds / 60) })}</p>
            {link(t("examContinue"))}
          </>
        )}
        {step.state === "time-up" && (
          <>
            <p>{t("examTimeUp")}</p>
            {link(t("examResult"))}
          </>
        )}
        {step.state === "may" && (
          <>
            <p>{step.kind === "renewal" ? t("examMayRenewal") : t("examMay")}</p>
            {link(t("examStart"))}
          </>
        )}
        {step.state === "requirements" && <p className="text-slate-600">{t("examRequirements")}</p>}
        {step.state === "retake-wait" && (
          <p>
            {t("examWait", { time: when(step.opensAt) })}{" "}
            <Link href={href} className="text-brand-700 underline">
              {t("examResult")}
            </Link>
          </p>
        )}
        {step.state === "certified" && <p className="text-emerald-800">{t("examCertified")}</p>}
        {step.state === "revoked" && <p>{t("examRevoked")}</p>}
        {last && step.state !== "open" && (
          <p className="mt-1 text-slate-600">
            {t("examLast", {
              percent: last.percent,
              result: last.passed ? t("examPassed") : t("examFailed"),
            })}
          </p>
        )}
      </div>
    </div>
  );
}
