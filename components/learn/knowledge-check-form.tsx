"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import type { PublicQuestion } from "@/lib/content/types";
import { useChapterState } from "./chapter-state";

type Result = {
  percent: number;
  score: number;
  maxScore: number;
  passed: boolean;
  passScore: number;
  /** Present when this submission completed a certification. */
  certificate?: { code: string } | null;
  questions: {
    questionId: string;
    points: number;
    correct: boolean;
    feedback: { optionId: string; text: string }[];
  }[];
};

/** Picked options by question id: a Map, so that no content id can meet Object.prototype. */
type Answers = Map<string, string[]>;

/** A saved selection (a JSON object) back to a Map; anything unreadable counts as none. */
function restore(saved: string): Answers {
  try {
    const value: unknown = JSON.parse(saved);
    if (typeof value !== "object" || value === null) return new Map();
    return new Map(Object.entries(value).filter((e): e is [string, string[]] => Array.isArray(e[1])));
  } catch {
    return new Map();
  }
}

/**
 * The knowledge check. It knows the questions and options only; the server scores the answers.
 * Choices are kept in the browser until submitted, and a failed submission retries with the same
 * id so it can never be counted twice.
 */
export function KnowledgeCheckForm({
  slug,
  version,
  questions,
  passScore,
}: {
  slug: string;
  version: string;
  questions: PublicQuestion[];
  passScore: number;
}) {
  const t = useTranslations("learn.check");
  const { reload } = useChapterState();
  const storageKey = `kc:${slug}:${version}`;
  const [answers, setAnswers] = useState<Answers>(() => new Map());
  const [attemptId, setAttemptId] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState(false);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const saved = sessionStorage.getItem(storageKey);
    if (saved) setAnswers(restore(saved));
  }, [storageKey]);

  function choose(q: PublicQuestion, optionId: string, checked: boolean) {
    setAnswers((prev) => {
      const current = prev.get(q.id) ?? [];
      const next =
        q.type === "multiple"
          ? checked
            ? [...current, optionId]
            : current.filter((id) => id !== optionId)
          : [optionId];
      const updated = new Map(prev).set(q.id, next);
      sessionStorage.setItem(storageKey, JSON.stringify(Object.fromEntries(updated)));
      return updated;
    });
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (pending) return;
    const missing = questions.filter((q) => !answers.get(q.id)?.length).length;
    if (missing > 0) {
      setMessage(t("unanswered", { count: missing }));
      return;
    }
    const id = attemptId ?? crypto.randomUUID();
    setAttemptId(id);
    setPending(true);
    setMessage("");
    try {
      const response = await fetch(`/api/learn/${encodeURIComponent(slug)}/attempts`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ attemptId: id, answers: Object.fromEntries(answers), version }),
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        setMessage(t("error", { message: String(body.message ?? response.status) }));
        return;
      }
      setResult(body as Result);
      sessionStorage.removeItem(storageKey);
      reload().catch(() => {});
    } catch {
      setMessage(t("network"));
    } finally {
      setPending(false);
    }
  }

  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  function retry() {
    setAnswers(new Map());
    setAttemptId(null);
    setResult(null);
    setMessage("");
  }

  const outcome = (questionId: string) => result?.questions.find((r) => r.questionId === questionId);

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      <div aria-live="polite">
        {result && (
          <div
            className={`rounded-lg border-l-4 p-4 ${result.passed ? "border-emerald-600 bg-emerald-50" : "border-amber-600 bg-amber-50"}`}
          >
            <h3 ref={resultHeading} tabIndex={-1} className="text-lg font-semibold">
              {t("resultTitle")}: {t("score", { percent: result.percent })}
            </h3>
            <p className="text-sm text-slate-700">
              {t("points", { score: Math.round(result.score * 100) / 100, max: result.maxScore })}
            </p>
            <p className="mt-1">{result.passed ? t("passed") : t("failed", { passScore })}</p>
            {result.certificate && (
              <p className="mt-2 font-medium text-emerald-900">
                {t("certificateEarned")}{" "}
                <a href="/" className="underline">
                  {t("certificateLink")}
                </a>
              </p>
            )}
          </div>
        )}
      </div>
      {questions.map((q, index) => {
        const r = outcome(q.id);
        return (
          <fieldset
            key={q.id}
            className="rounded-lg border border-slate-200 bg-white p-4"
            disabled={!!result}
          >
            <legend className="px-1 font-medium">
              {index + 1}. {q.prompt}{" "}
              <span className="text-sm font-normal text-slate-600">（{t(q.type)}）</span>
            </legend>
            <div className="mt-2 space-y-1">
              {q.options.map((o) => {
                const checked = answers.get(q.id)?.includes(o.id) ?? false;
                return (
                  <label
                    key={o.id}
                    className="flex cursor-pointer items-start gap-3 rounded-md px-2 py-2 hover:bg-slate-50 has-[:checked]:bg-brand-50"
                  >
                    <input
                      type={q.type === "multiple" ? "checkbox" : "radio"}
                      name={q.id}
                      value={o.id}
                      checked={checked}
                      onChange={(e) => choose(q, o.id, e.target.checked)}
                      className="mt-1 size-4 accent-brand-700"
                    />
                    <span>{o.text}</span>
                  </label>
                );
              })}
            </div>
            {r && (
              <div className="mt-3 border-t border-slate-200 pt-3 text-sm">
                <p
                  className={`font-medium ${r.correct ? "text-emerald-800" : r.points > 0 ? "text-amber-900" : "text-red-800"}`}
                >
                  {r.correct
                    ? `✓ ${t("questionCorrect")}`
                    : r.points > 0
                      ? `◐ ${t("questionPartial")}`
                      : `✗ ${t("questionWrong")}`}
                </p>
                <ul className="mt-1 space-y-1">
                  {r.feedback.map((f) => (
                    <li key={f.optionId}>
                      <span className="text-slate-600">
                        {t("yourAnswer")}: {q.options.find((o) => o.id === f.optionId)?.text} —{" "}
                      </span>
                      {f.text}
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </fieldset>
        );
      })}
      <p role="alert" className="text-red-800 empty:hidden">
        {message}
      </p>
      {result ? (
        <button type="button" onClick={retry} className={buttonClass("primary", "lg")}>
          {t("retry")}
        </button>
      ) : (
        <button type="submit" aria-disabled={pending} className={buttonClass("primary", "lg")}>
          {pending ? t("submitting") : t("submit")}
        </button>
      )}
    </form>
  );
}
