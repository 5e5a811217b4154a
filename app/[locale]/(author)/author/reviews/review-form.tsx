"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionError, outcomeText } from "@/lib/action-state";
import { type ReviewState, reviewFreeTextAction } from "./actions";

/**
 * Points per competency (prefilled with the current marks, bounded by the step's rubric, the range
 * shown beside each) and a comment for one free-text answer. For an answer the learner contested
 * this is the decision, and the comment is its reason, required.
 */
export function ReviewForm({
  attemptId,
  stepId,
  competencies,
  contested,
}: {
  attemptId: string;
  stepId: string;
  competencies: { id: string; label: string; points: number; min: number; max: number }[];
  contested: boolean;
}) {
  const t = useTranslations("review");
  const [state, action] = useActionState<ReviewState | ActionError, FormData>(reviewFreeTextAction, {
    status: "idle",
  });
  const prefix = `${attemptId}-${stepId}`;
  return (
    <form action={action} className="mt-3 space-y-3">
      <input type="hidden" name="attemptId" value={attemptId} />
      <input type="hidden" name="stepId" value={stepId} />
      <div className="flex flex-wrap gap-4">
        {competencies.map((c) => (
          <Field
            key={c.id}
            id={`${prefix}-${c.id}`}
            label={t("points", { competency: c.label })}
            hint={t("range", { min: c.min, max: c.max })}
            name={`points.${c.id}`}
            type="number"
            min={c.min}
            max={c.max}
            step={1}
            required
            defaultValue={c.points}
            className="w-40"
          />
        ))}
      </div>
      <label htmlFor={`${prefix}-comment`} className="block text-sm">
        {contested ? t("reason") : t("comment")}
        <textarea
          id={`${prefix}-comment`}
          name="comment"
          rows={2}
          maxLength={500}
          required={contested}
          minLength={contested ? 2 : undefined}
          className="mt-1 block w-full rounded-md border border-slate-300 p-2"
        />
      </label>
      <div className="flex items-center gap-4">
        <SubmitButton pendingLabel={t("saving")} className="px-5">
          {contested ? t("decide") : t("save")}
        </SubmitButton>
        <p aria-live="polite" className={state.status === "saved" ? "text-emerald-800" : "text-red-800"}>
          {outcomeText(state, (s) => (s.status === "idle" ? "" : t(s.status)))}
        </p>
      </div>
    </form>
  );
}
