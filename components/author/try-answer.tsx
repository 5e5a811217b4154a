"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { GradeExplanation } from "@/components/scenario/grade-explanation";
import { buttonClass } from "@/components/ui/button";
import type { TryAnswer as Try, TryOutcome } from "./editor-types";

/**
 * 试一试 for one free-text step of the draft: the trainer types an answer a learner might give and
 * sees, graded on the server by the learners' grader, which elements it meets on which words, what
 * a negation cancelled, which forbidden rules fire, and which step it leads to.
 */
export function TryAnswer({
  stepId,
  competencies,
  tryAnswer,
}: {
  stepId: string;
  competencies: readonly { id: string; label: string }[];
  tryAnswer: Try;
}) {
  const t = useTranslations("authoring.tryAnswer");
  const id = useId();
  const [answer, setAnswer] = useState("");
  const [tried, setTried] = useState<{ answer: string; outcome: TryOutcome } | null>(null);
  const [pending, setPending] = useState(false);

  async function grade(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending || !answer.trim()) return;
    setPending(true);
    try {
      setTried({ answer, outcome: await tryAnswer(stepId, answer) });
    } finally {
      setPending(false);
    }
  }

  const outcome = tried?.outcome;
  return (
    <form
      onSubmit={grade}
      aria-labelledby={`${id}-title`}
      className="mt-3 rounded-md border border-brand-100 bg-brand-50 p-3"
    >
      <h4 id={`${id}-title`} className="font-medium">
        {t("title")}
      </h4>
      <label htmlFor={`${id}-answer`} className="mt-1 block text-sm">
        {t("label")}
      </label>
      <textarea
        id={`${id}-answer`}
        value={answer}
        onChange={(e) => setAnswer(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
        }}
        rows={3}
        maxLength={2000}
        aria-describedby={`${id}-hint`}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white p-2"
      />
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <button
          type="submit"
          aria-disabled={pending || !answer.trim()}
          className={buttonClass("primary", "sm")}
        >
          {pending ? t("grading") : t("grade")}
        </button>
        <span id={`${id}-hint`} className="text-xs text-slate-600">
          {t("hint")}
        </span>
      </div>
      <div aria-live="polite" className="mt-3">
        {outcome &&
          tried &&
          ("error" in outcome ? (
            <p className="text-sm text-red-800">{t("failed", { message: outcome.error })}</p>
          ) : (
            <div>
              <p className="mb-1 text-sm font-medium">{t("result", { total: outcome.grade.total })}</p>
              <GradeExplanation answer={tried.answer} grade={outcome.grade} competencies={competencies} />
              <p className="mt-1 text-sm text-slate-700">{t("next", { target: outcome.next })}</p>
            </div>
          ))}
      </div>
    </form>
  );
}
