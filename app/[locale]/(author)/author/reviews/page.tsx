import { getLocale, getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { PageHeader } from "@/components/shell/page-header";
import { getCatalog } from "@/db/queries/content-catalog";
import { listAttemptsAwaitingReview } from "@/db/queries/reviews";
import { localName } from "@/lib/i18n/local-name";
import { ReviewForm } from "./review-form";

export async function generateMetadata() {
  return { title: (await getTranslations("review"))("title") };
}

export default async function ReviewQueuePage() {
  await requireArea("author");
  const [t, locale, attempts] = await Promise.all([
    getTranslations("review"),
    getLocale(),
    listAttemptsAwaitingReview(),
  ]);
  const catalog = await getCatalog();
  const items = attempts.flatMap((a) => {
    const found = catalog.findScenario(a.scenarioSlug, a.locale);
    if (!found) return [];
    const labels = new Map(found.scenario.competencies.map((c) => [c.id, c.label]));
    return a.state.turns.flatMap((turn) => {
      const step = found.scenario.steps[turn.stepId];
      if (turn.answer.type !== "text" || turn.review || step?.kind !== "text") return [];
      const ids = [...new Set([...step.rubric.required, ...step.rubric.forbidden].map((r) => r.competency))];
      return [{ attempt: a, turn, step, text: turn.answer.text, title: found.scenario.title, ids, labels }];
    });
  });

  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      {items.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700">{t("empty")}</p>
      ) : (
        <ul className="space-y-4">
          {items.map(({ attempt, turn, step, text, title, ids, labels }) => (
            <li
              key={`${attempt.id}-${turn.stepId}`}
              className="rounded-lg border border-slate-200 bg-white p-4"
            >
              <p className="text-sm text-slate-600">
                {t("learner")}：{attempt.learnerName}（{attempt.employeeNo}，
                {localName(attempt, locale, "branchName")}） · {t("scenario")}：{title}
              </p>
              <p className="mt-2 text-sm">
                <span className="font-medium">{t("prompt")}：</span>
                {step.prompt}
              </p>
              <p className="mt-2 rounded bg-slate-50 p-3">
                <span className="font-medium">{t("answer")}：</span>
                {text}
              </p>
              <p className="mt-2 text-sm">
                <span className="font-medium">{t("auto")}：</span>
                {ids.map((c) => `${labels.get(c) ?? c} ${turn.points[c] ?? 0}`).join(" · ")}
                {turn.grade &&
                  ` (✓ ${turn.grade.matched.map((m) => m.label).join("、") || "—"}; ✗ ${turn.grade.missed.map((m) => m.label).join("、") || "—"})`}
              </p>
              <ReviewForm
                attemptId={attempt.id}
                stepId={turn.stepId}
                competencies={ids.map((c) => ({
                  id: c,
                  label: labels.get(c) ?? c,
                  points: turn.points[c] ?? 0,
                }))}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
