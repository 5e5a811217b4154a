import { useTranslations } from "next-intl";
import { type Turn, turnPoints } from "@/lib/scenario/engine";
import { signedPoints } from "@/lib/scenario/points-display";
import type { Scenario } from "@/lib/scenario/schema";
import { GradeExplanation } from "./grade-explanation";

/**
 * One answered step after the attempt: what was said, the points, the feedback and, for free text,
 * why the grader gave its points and the model answer. `children` comes last: the appeal's status
 * or the form to ask for one. `showReview` is false when a decided appeal already shows the review.
 */
export function TurnReview({
  scenario,
  turn,
  showReview = true,
  children,
}: {
  scenario: Scenario;
  turn: Turn;
  showReview?: boolean;
  children?: React.ReactNode;
}) {
  const t = useTranslations("practice");
  const tr = useTranslations("review");
  const step = scenario.steps[turn.stepId];
  if (!step) return null;
  const labels = new Map(scenario.competencies.map((c) => [c.id, c.label]));
  const said =
    turn.answer.type === "choice"
      ? step.kind === "choice" || step.kind === "timed"
        ? step.choices.find((c) => c.id === (turn.answer as { choiceId: string }).choiceId)?.text
        : undefined
      : turn.answer.type === "text"
        ? turn.answer.text
        : t("result.timeout");
  const points = Object.entries(turnPoints(turn)).filter(([, p]) => p !== 0);

  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4">
      {step.customer && (
        <p className="text-slate-700">
          <span className="font-medium">{t("labelled", { label: t("customer") })}</span>
          {step.customer}
        </p>
      )}
      <p className="mt-2">
        <span className="font-medium">{t("labelled", { label: t("you") })}</span>
        {said}
      </p>
      {points.length > 0 && (
        <p className="mt-2 flex flex-wrap gap-2 text-sm">
          {points.map(([c, p]) => (
            <span
              key={c}
              className={`rounded px-2 py-0.5 ${p > 0 ? "bg-emerald-100 text-emerald-900" : "bg-red-100 text-red-900"}`}
            >
              {labels.get(c) ?? c} {signedPoints(p)}
            </span>
          ))}
        </p>
      )}
      {turn.review && showReview && (
        <p className="mt-2 rounded border border-brand-100 bg-brand-50 p-2 text-sm">
          <span className="font-medium">
            {t("result.reviewedBy", {
              adjusted: tr("adjusted"),
              reviewer: tr("reviewer"),
              name: turn.review.reviewerName,
            })}
          </span>
          {Object.entries(turn.review.points)
            .map(([c, p]) => `${labels.get(c) ?? c} ${signedPoints(p, { plus: false })}`)
            .join(" · ")}
          {turn.review.comment && <span className="block">“{turn.review.comment}”</span>}
        </p>
      )}
      {turn.grade ? (
        <div className="mt-2 space-y-1 text-sm">
          <p className="font-medium">{t("result.rubric")}</p>
          {turn.answer.type === "text" && (
            <GradeExplanation
              answer={turn.answer.text}
              grade={turn.grade}
              competencies={scenario.competencies}
            />
          )}
          <p className="mt-1 rounded bg-slate-50 p-2">
            <span className="font-medium">{t("labelled", { label: t("result.modelAnswer") })}</span>
            {turn.feedback}
          </p>
        </div>
      ) : (
        <p className="mt-2 text-sm text-slate-700">
          <span className="font-medium">{t("labelled", { label: t("result.feedback") })}</span>
          {turn.feedback}
        </p>
      )}
      {children}
    </li>
  );
}
