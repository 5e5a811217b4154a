"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionError, outcomeText } from "@/lib/action-state";
import { APPEAL_COMMENT } from "@/lib/scenario/appeal-state";
import { type ContestState, contestGradeAction } from "./actions";

/** Asks for human review of one free-text answer's grade, once, with a short comment. */
export function ContestForm({
  slug,
  attemptId,
  stepId,
}: {
  slug: string;
  attemptId: string;
  stepId: string;
}) {
  const t = useTranslations("practice.appeal");
  const [state, action] = useActionState<ContestState | ActionError, FormData>(contestGradeAction, {
    status: "idle",
  });
  const id = `contest-${stepId}`;
  return (
    <details className="mt-3 rounded-md border border-slate-200 p-3">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("contestSummary")}</summary>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="attemptId" value={attemptId} />
        <input type="hidden" name="stepId" value={stepId} />
        <label htmlFor={id} className="block text-sm">
          {t("contestLabel", APPEAL_COMMENT)}
          <textarea
            id={id}
            name="comment"
            rows={3}
            required
            minLength={APPEAL_COMMENT.min}
            maxLength={APPEAL_COMMENT.max}
            aria-describedby={`${id}-note`}
            className="mt-1 block w-full rounded-md border border-slate-300 p-2"
          />
        </label>
        <p id={`${id}-note`} className="text-sm text-slate-600">
          {t("contestNote")}
        </p>
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton pendingLabel={t("contesting")}>{t("contestSubmit")}</SubmitButton>
          <p aria-live="polite" className={state.status === "error" ? "text-red-800" : "text-emerald-800"}>
            {outcomeText(state, (s) => (s.status === "contested" ? t("contested") : ""))}
          </p>
        </div>
      </form>
    </details>
  );
}
