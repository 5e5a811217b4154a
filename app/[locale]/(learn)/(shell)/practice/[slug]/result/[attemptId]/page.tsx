import { getLocale, getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { AppealStatus } from "@/components/scenario/appeal-status";
import { CertificatePanel } from "@/components/scenario/certificate-panel";
import { CompetencyChart } from "@/components/scenario/competency-chart";
import { TurnReview } from "@/components/scenario/turn-review";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClass } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { certificationsWaitingOnAppeal, listAppealsForAttempt } from "@/db/queries/appeals";
import { findCertificateIssuedAt } from "@/db/queries/certificates";
import { findCertification } from "@/lib/certification/catalog";
import { toLocale } from "@/lib/i18n/locales";
import { floorResult, passPending } from "@/lib/scenario/appeal";
import { result } from "@/lib/scenario/engine";
import { finishedAttempt } from "../../finished-attempt";
import { ContestForm } from "./contest-form";

type Props = { params: Promise<{ slug: string; attemptId: string }> };

/**
 * A finished role-play: the score, each skill, the debrief and every step with its feedback. Each
 * free-text answer can be contested once (human review on appeal); while one is, a pass or a
 * certificate that depends on it is shown as pending, and once decided, the decision and its reason.
 */
export default async function ScenarioResultPage({ params }: Props) {
  const user = await requireArea("learn");
  const { slug, attemptId } = await params;
  const { attempt, scenario } = await finishedAttempt({ slug, attemptId, userId: user.id });
  const r = result(scenario, attempt.state);
  const [t, ta, tp, locale, appeals] = await Promise.all([
    getTranslations("practice.result"),
    getTranslations("practice.appeal"),
    getTranslations("practice"),
    getLocale().then(toLocale),
    listAppealsForAttempt({ attemptId }),
  ]);
  const open = appeals.filter((a) => a.status === "contested").map((a) => a.stepId);
  const pending = passPending(scenario, attempt.state, open);
  const waiting = open.length > 0 ? await certificationsWaitingOnAppeal({ userId: user.id }) : [];
  // A certificate comes with the result that completed the rules, or with a review's decision.
  const times = [attempt.completedAt, ...appeals.map((a) => a.decidedAt)].filter((d): d is Date => !!d);
  const earned = await Promise.all(times.map((at) => findCertificateIssuedAt({ userId: user.id, at })));
  const earnedIndex = earned.findIndex((c) => c !== null);
  const earnedAt = times[earnedIndex];
  const certificate = earned[earnedIndex] ?? null;
  const end = scenario.steps[attempt.state.stepId];
  const tone =
    pending || !attempt.passed ? "border-amber-600 bg-amber-50" : "border-emerald-600 bg-emerald-50";

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("heading", { title: scenario.title })} />
      <section aria-labelledby="summary" className={`rounded-lg border-l-4 p-4 ${tone}`}>
        <h2 id="summary" className="text-xl font-semibold">
          {t("score", { percent: attempt.percent ?? 0 })}
        </h2>
        <p>{t("pointsTotal", { points: r.score, max: r.max })}</p>
        <p>
          {t(attempt.passed ? (pending ? "passedPending" : "passed") : "failed", {
            passScore: scenario.passScore,
          })}
        </p>
        {pending && (
          <p className="mt-2 font-medium text-amber-950">
            {ta("pending", {
              floor: floorResult(scenario, attempt.state, open).percent,
              passScore: scenario.passScore,
            })}
          </p>
        )}
        {!pending && open.length > 0 && <p className="mt-2">{ta("underReview")}</p>}
        {waiting.map((def) => (
          <p key={def.id} className="mt-2 font-medium text-amber-950">
            {ta("certificateWaiting", { name: def.name[locale] })}
          </p>
        ))}
        {r.outcome && (
          <p className="mt-2">
            <span className="font-medium">{tp("labelled", { label: t("outcome") })}</span>
            {r.outcome.label}
          </p>
        )}
      </section>
      {certificate && (
        <CertificatePanel
          certificateId={certificate.id}
          name={findCertification(certificate.certificationId)?.name[locale] ?? certificate.certificationId}
          onDecision={earnedAt !== attempt.completedAt}
        />
      )}
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
          {attempt.state.turns.map((turn) => {
            const appeal = appeals.find((a) => a.stepId === turn.stepId);
            return (
              <TurnReview
                key={turn.stepId}
                scenario={scenario}
                turn={turn}
                // The decision shows the review it made; a later review shows on its own.
                showReview={!(appeal?.status === "decided" && turn.review?.comment === appeal.reason)}
              >
                {appeal ? (
                  <AppealStatus appeal={appeal} competencies={scenario.competencies} />
                ) : (
                  turn.answer.type === "text" && (
                    <ContestForm slug={slug} attemptId={attemptId} stepId={turn.stepId} />
                  )
                )}
              </TurnReview>
            );
          })}
        </ol>
      </section>
      <p className="mt-8 flex flex-wrap gap-4">
        <Link href={`/practice/${slug}`} className={buttonClass("primary", "lg")}>
          {t("tryAgain")}
        </Link>
        <Link href={`/practice/${slug}/result/${attemptId}/path`} className={buttonClass("secondary", "lg")}>
          {t("reviewPath")}
        </Link>
        <Link href="/practice" className="px-2 py-2.5 text-brand-700 underline">
          {t("back")}
        </Link>
      </p>
    </div>
  );
}
