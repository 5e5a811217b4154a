"use client";

import { useTranslations } from "next-intl";
import type { Preview, TryAnswer as Try } from "./editor-types";
import { TryAnswer } from "./try-answer";

/**
 * The draft as learners will see it, with the knowledge check's answers marked for the trainer;
 * each free-text step shows its rubric and a 试一试 box.
 */
export function EditorPreview({
  preview,
  lang,
  tryAnswer,
}: {
  preview: Preview;
  lang: string;
  tryAnswer: Try;
}) {
  const t = useTranslations("authoring.editor");
  const tt = useTranslations("authoring.tryAnswer");
  if (!preview) return <p className="text-slate-600">{t("previewUnavailable")}</p>;
  if (preview.kind === "scenario") {
    const { scenario } = preview;
    const steps = Object.entries(scenario.steps);
    const labels = new Map(scenario.competencies.map((c) => [c.id, c.label]));
    const points = (p: Record<string, number>) =>
      Object.entries(p)
        .map(([id, n]) => `${labels.get(id) ?? id} ${n > 0 ? "+" : ""}${n}`)
        .join(" · ") || "0";
    return (
      <div lang={lang}>
        <h3 className="text-xl font-semibold">{scenario.title}</h3>
        <p className="mt-1 text-slate-700">{scenario.summary}</p>
        <p className="mt-1 text-sm text-slate-600">
          {t("passScore", { score: scenario.passScore })} ·{" "}
          {t("steps", { count: steps.length, start: scenario.start })}
        </p>
        <ol className="mt-4 space-y-3">
          {steps.map(([id, step]) => (
            <li key={id} className="rounded-md border border-slate-200 p-3">
              <p className="text-xs font-medium text-slate-600">
                <span className="font-mono">{id}</span> · {t(`stepKind.${step.kind}`)}
              </p>
              {step.customer && <p className="mt-1">“{step.customer}”</p>}
              {step.kind === "end" && (
                <p className="mt-1 text-sm">
                  {t("outcomeDebrief", { outcome: step.outcomeLabel, debrief: step.debrief })}
                </p>
              )}
              {(step.kind === "choice" || step.kind === "timed") && (
                <ul className="mt-2 space-y-1 text-sm">
                  {step.choices.map((c) => (
                    <li key={c.id}>
                      {c.text}{" "}
                      <span className="text-slate-600">
                        {t("points", { points: points(c.points) })} {t("next", { target: c.next })}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              {step.kind === "text" && (
                <>
                  <p className="mt-1 text-sm">{step.prompt}</p>
                  <p className="mt-1 text-sm text-slate-600">
                    {tt("rubric", {
                      required: step.rubric.required.map((r) => `${r.label} +${r.points}`).join(" · "),
                    })}
                    {step.rubric.forbidden.length > 0 && (
                      <span className="block">
                        {tt("forbidden", {
                          forbidden: step.rubric.forbidden.map((r) => `${r.label} −${r.points}`).join(" · "),
                        })}
                      </span>
                    )}
                  </p>
                  <TryAnswer stepId={id} competencies={scenario.competencies} tryAnswer={tryAnswer} />
                </>
              )}
            </li>
          ))}
        </ol>
      </div>
    );
  }
  const { meta, html, questions } = preview;
  return (
    <div lang={lang}>
      <h3 className="text-2xl font-semibold">{meta.title}</h3>
      <p className="mt-1 text-slate-700">{meta.summary}</p>
      <p className="mt-1 text-sm text-slate-600">
        {t("minutes", { minutes: meta.estimatedMinutes })} · {t("passScore", { score: meta.passScore })}
      </p>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: built by lib/content from whitelisted components and sanitised there, exactly as on the learner's page */}
      <article className="chapter-prose mt-4" dangerouslySetInnerHTML={{ __html: html }} />
      <ol className="mt-6 space-y-3">
        {questions.map((q, i) => (
          <li key={q.id} className="rounded-md border border-slate-200 p-3">
            <p className="font-medium">{`${i + 1}. ${q.prompt}`}</p>
            <ul className="mt-2 space-y-1 text-sm">
              {q.options.map((o) => (
                <li key={o.id} className={o.correct ? "font-medium text-emerald-800" : ""}>
                  {o.correct ? `✓ ${o.text} · ${t("correctAnswer")}` : `○ ${o.text}`}
                  <span className="block pl-4 text-slate-600">{o.feedback}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </div>
  );
}
