"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionError, outcomeText } from "@/lib/action-state";
import { type ReviewState, reviewFreeTextAction } from "./actions";

/** Points per competency (prefilled with the automatic marks) and a comment for one free-text answer. */
export function ReviewForm({
  attemptId,
  stepId,
  competencies,
}: {
  attemptId: string;
  stepId: string;
  competencies: { id: string; label: string; points: number }[];
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
          <label key={c.id} htmlFor={`${prefix}-${c.id}`} className="text-sm">
            <span className="block">{t("points", { competency: c.label })}</span>
            <input
              id={`${prefix}-${c.id}`}
              name={`points.${c.id}`}
              type="number"
              min={-10}
              max={10}
              step={1}
              defaultValue={c.points}
              className="mt-1 w-24 rounded-md border border-slate-300 px-2 py-1"
            />
          </label>
        ))}
      </div>
      <label htmlFor={`${prefix}-comment`} className="block text-sm">
        {t("comment")}
        <textarea
          id={`${prefix}-comment`}
          name="comment"
          rows={2}
          maxLength={500}
          className="mt-1 block w-full rounded-md border border-slate-300 p-2"
        />
      </label>
      <div className="flex items-center gap-4">
        <SubmitButton pendingLabel={t("saving")} className="px-5">
          {t("save")}
        </SubmitButton>
        <p aria-live="polite" className={state.status === "saved" ? "text-emerald-800" : "text-red-800"}>
          {outcomeText(state, (s) => (s.status === "idle" ? "" : t(s.status)))}
        </p>
      </div>
    </form>
  );
}
