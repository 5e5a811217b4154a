import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { CompetencyChart } from "@/components/scenario/competency-chart";
import { TurnReview } from "@/components/scenario/turn-review";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClass } from "@/components/ui/button";
import { findCertificateIssuedAt } from "@/db/queries/certificates";
import { scenarioAtVersion } from "@/db/queries/content-catalog";
import { getScenarioAttempt } from "@/db/queries/practice";
import { result } from "@/lib/scenario/engine";

type Props = { params: Promise<{ slug: string; attemptId: string }> };

export default async function ScenarioResultPage({ params }: Props) {
  const user = await requireArea("learn");
  const { slug, attemptId } = await params;
  const attempt = await getScenarioAttempt({ id: attemptId, userId: user.id });
  if (!attempt || attempt.scenarioSlug !== slug || attempt.status !== "completed") notFound();
  const found = await scenarioAtVersion({ slug, locale: attempt.locale, version: attempt.contentVersion });
  if (!found) notFound();
  const { scenario } = found;
  const r = result(scenario, attempt.state);
  const t = await getTranslations("practice.result");
  const tc = await getTranslations("learn.check");
  const earned =
    attempt.completedAt && (await findCertificateIssuedAt({ userId: user.id, at: attempt.completedAt }));
  const end = scenario.steps[attempt.state.stepId];

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={`${t("title")}：${scenario.title}`} />
      <section
        aria-labelledby="summary"
        className={`rounded-lg border-l-4 p-4 ${attempt.passed ? "border-emerald-600 bg-emerald-50" : "border-amber-600 bg-amber-50"}`}
      >
        <h2 id="summary" className="text-xl font-semibold">
          {t("score", { percent: attempt.percent ?? 0 })}
        </h2>
        <p>
          {attempt.passed
            ? t("passed", { passScore: scenario.passScore })
            : t("failed", { passScore: scenario.passScore })}
        </p>
        {r.outcome && (
          <p className="mt-2">
            <span className="font-medium">{t("outcome")}：</span>
            {r.outcome.label}
          </p>
        )}
        {earned && (
          <p className="mt-2 font-medium text-emerald-900">
            {tc("certificateEarned")}{" "}
            <Link href="/" className="underline">
              {tc("certificateLink")}
            </Link>
          </p>
        )}
      </section>
      <div className="mt-6">
        <CompetencyChart rows={r.competencies} />
      </div>
      {end?.kind === "end" && (
        <section aria-labelledby="debrief" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="debrief" className="font-semibold">
            {t("debrief")}
          </h2>
          {end.customer && <p className="mt-2 italic text-slate-700">“{end.customer}”</p>}
          <p className="mt-2">{end.debrief}</p>
        </section>
      )}
      <section aria-labelledby="transcript" className="mt-8">
        <h2 id="transcript" className="text-lg font-semibold">
          {t("transcript")}
        </h2>
        <ol className="mt-3 space-y-4">
          {attempt.state.turns.map((turn) => (
            <TurnReview key={turn.stepId} scenario={scenario} turn={turn} />
          ))}
        </ol>
      </section>
      <p className="mt-8 flex flex-wrap gap-4">
        <Link href={`/practice/${slug}`} className={buttonClass("primary", "lg")}>
          {t("tryAgain")}
        </Link>
        <Link href="/practice" className="px-2 py-2.5 text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
    </div>
  );
}
