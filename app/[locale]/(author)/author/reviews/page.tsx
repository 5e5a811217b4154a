import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { GradeExplanation } from "@/components/scenario/grade-explanation";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { listOpenAppeals } from "@/db/queries/appeals";
import { getCatalog } from "@/db/queries/content-catalog";
import { listAttemptsAwaitingReview } from "@/db/queries/reviews";
import { localName } from "@/lib/i18n/local-name";
import { turnPoints } from "@/lib/scenario/engine";
import { rubricBounds } from "@/lib/scenario/review-bounds";
import { ReviewForm } from "./review-form";

export async function generateMetadata() {
  return { title: (await getTranslations("review"))("title") };
}

type Attempt = Awaited<ReturnType<typeof listAttemptsAwaitingReview>>[number];
type Appeal = { comment: string; contestedAt: Date };

/**
 * Free-text answers for a trainer to review: the ones learners contested first (oldest appeal
 * first, marked), then answers no trainer has looked at yet (oldest attempt first). Each shows
 * the grader's explanation and a form whose points are bounded by the step's rubric.
 */
export default async function ReviewQueuePage() {
  await requireArea("author");
  const [t, tp, locale, format, appeals, attempts, catalog] = await Promise.all([
    getTranslations("review"),
    getTranslations("practice"),
    getLocale(),
    getFormatter(),
    listOpenAppeals(),
    listAttemptsAwaitingReview(),
    getCatalog(),
  ]);
  const itemsOf = (a: Attempt, stepIds: (id: string) => boolean, appeal?: Appeal) => {
    const found = catalog.findScenario(a.scenarioSlug, a.locale);
    if (!found) return [];
    const { scenario } = found;
    return a.state.turns.flatMap((turn) => {
      const step = scenario.steps[turn.stepId];
      if (turn.answer.type !== "text" || step?.kind !== "text" || !stepIds(turn.stepId)) return [];
      const current = turnPoints(turn);
      const competencies = [...rubricBounds(step.rubric)].map(([id, range]) => ({
        id,
        label: scenario.competencies.find((c) => c.id === id)?.label ?? id,
        points: current[id] ?? 0,
        ...range,
      }));
      return [{ attempt: a, turn, step, text: turn.answer.text, scenario, competencies, appeal }];
    });
  };
  const contested = appeals.flatMap((a) => itemsOf(a, (id) => id === a.stepId, a));
  const shown = new Set(contested.map((i) => `${i.attempt.id}#${i.turn.stepId}`));
  const items = [
    ...contested,
    ...attempts.flatMap((a) => itemsOf(a, (id) => !shown.has(`${a.id}#${id}`)).filter((i) => !i.turn.review)),
  ];

  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      {items.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul aria-label={t("queue")} className="space-y-4">
          {items.map(({ attempt, turn, step, text, scenario, competencies, appeal }) => (
            <li
              key={`${attempt.id}-${turn.stepId}`}
              className={`rounded-lg border bg-white p-4 ${appeal ? "border-l-4 border-amber-600" : "border-slate-200"}`}
            >
              {appeal && (
                <p className="mb-2 text-sm">
                  <span className="mr-2 rounded-full bg-amber-100 px-2 py-0.5 font-medium text-amber-950">
                    {t("contested")}
                  </span>
                  {t("contestedAt", {
                    date: format.dateTime(appeal.contestedAt, { dateStyle: "medium", timeStyle: "short" }),
                  })}
                </p>
              )}
              <p className="text-sm text-slate-600">
                {t("who", {
                  name: attempt.learnerName,
                  employeeNo: attempt.employeeNo,
                  branch: localName(attempt, locale, "branchName"),
                  scenario: scenario.title,
                })}
              </p>
              <p className="mt-2 text-sm">
                <span className="font-medium">{tp("labelled", { label: t("prompt") })}</span>
                {step.prompt}
              </p>
              <p className="mt-2 rounded bg-slate-50 p-3">
                <span className="font-medium">{tp("labelled", { label: t("answer") })}</span>
                {text}
              </p>
              {appeal && (
                <p className="mt-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
                  <span className="font-medium">{tp("labelled", { label: t("learnerComment") })}</span>“
                  {appeal.comment}”
                </p>
              )}
              <section aria-label={t("explanation")} className="mt-3">
                <h3 className="mb-1 text-sm font-medium">{t("explanation")}</h3>
                {turn.grade ? (
                  <GradeExplanation answer={text} grade={turn.grade} competencies={scenario.competencies} />
                ) : (
                  <p className="text-sm text-slate-600">{t("noExplanation")}</p>
                )}
              </section>
              {turn.review && (
                <p className="mt-2 text-sm">
                  {t("reviewedBefore", {
                    reviewer: turn.review.reviewerName,
                    points: competencies.map((c) => `${c.label} ${c.points}`).join(" · "),
                  })}
                </p>
              )}
              <ReviewForm
                attemptId={attempt.id}
                stepId={turn.stepId}
                competencies={competencies}
                contested={Boolean(appeal)}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
