import { useTranslations } from "next-intl";
import { signedPoints } from "@/lib/scenario/points-display";
import type { RubricGrade, Span } from "@/lib/scenario/rubric";

type Mark = "met" | "forbidden" | "negator";
const MARK_CLASS: Record<Mark, string> = {
  met: "rounded-sm bg-emerald-100 px-0.5 text-emerald-950 underline decoration-emerald-700 decoration-2",
  forbidden: "rounded-sm bg-red-100 px-0.5 text-red-950 underline decoration-red-700 decoration-wavy",
  negator: "rounded-sm bg-amber-200 px-0.5 text-amber-950 line-through decoration-2",
};

/** Words this close together are quoted as the answer has them ("换了谁", "24 小时"). */
const NEAR = 2;

/**
 * The words of the answer as the learner wrote them: words close together quoted with what lies
 * between (a particle, a space), words further apart joined with a gap ("给您…不便").
 */
function said(answer: string, words: readonly Span[] | undefined): string {
  const parts: { start: number; end: number }[] = [];
  for (const w of words ?? []) {
    const last = parts.at(-1);
    if (last && w.start >= last.end && w.start - last.end <= NEAR) last.end = w.end;
    else parts.push({ start: w.start, end: w.end });
  }
  return parts.map((p) => answer.slice(p.start, p.end)).join("…");
}

/** Runs of the answer and what each is marked as: the words the grade rests on. */
function runs(answer: string, grade: RubricGrade): { start: number; text: string; mark: Mark | null }[] {
  const marks: (Mark | null)[] = new Array(answer.length).fill(null);
  const paint = (spans: readonly Span[] | undefined, mark: Mark) => {
    for (const s of spans ?? [])
      for (let i = s.start; i < Math.min(s.end, marks.length); i++)
        if (mark === "negator" || !marks[i]) marks[i] = mark;
  };
  for (const m of grade.matched) paint(m.words, "met");
  for (const f of grade.forbidden) paint(f.words, "forbidden");
  for (const m of grade.missed) if (m.cancelled) paint([m.cancelled.negator], "negator");
  for (const e of grade.excused) paint([e.negator], "negator");
  const out: { start: number; text: string; mark: Mark | null }[] = [];
  // Offsets are UTF-16 units, as the grader's are.
  for (let i = 0; i < answer.length; i++) {
    const last = out.at(-1);
    if (last && last.mark === marks[i]) last.text += answer[i];
    else out.push({ start: i, text: answer[i] as string, mark: marks[i] ?? null });
  }
  return out;
}

/**
 * Why a free-text answer got its points, as the grader decided: the answer with the words it
 * matched, the penalised wording and the negators marked, then each element met (on which words),
 * missed, or said but cancelled by a negation, each forbidden rule that fired, and forbidden
 * wording excused because it was negated. The same for the trainer's 试一试, the review queue and
 * the learner's result page.
 */
export function GradeExplanation({
  answer,
  grade,
  competencies,
}: {
  answer: string;
  grade: RubricGrade;
  competencies: readonly { id: string; label: string }[];
}) {
  const t = useTranslations("practice.grade");
  const label = (id: string) => competencies.find((c) => c.id === id)?.label ?? id;
  const phrase = (words: readonly Span[] | undefined, p: string) =>
    said(answer, words) === p ? "" : t("phrase", { phrase: p });
  return (
    <div className="space-y-2 text-sm">
      <p className="rounded bg-slate-50 p-2 leading-relaxed">
        <span className="font-medium">{t("marked")}</span>
        {runs(answer, grade).map((r) =>
          r.mark ? (
            <mark key={r.start} className={MARK_CLASS[r.mark]}>
              {r.text}
            </mark>
          ) : (
            <span key={r.start}>{r.text}</span>
          ),
        )}
      </p>
      <ul className="space-y-1">
        {grade.matched.map((m) => (
          <li key={m.id} className="text-emerald-900">
            {t("met", {
              label: m.label,
              competency: label(m.competency),
              points: m.points,
              words: said(answer, m.words),
            })}
            {phrase(m.words, m.phrase)}
          </li>
        ))}
        {grade.missed.map((m) => (
          <li key={m.id} className={m.cancelled ? "text-amber-900" : "text-slate-700"}>
            {m.cancelled
              ? t("cancelled", {
                  label: m.label,
                  competency: label(m.competency),
                  points: m.points,
                  words: said(answer, m.cancelled.words),
                  negator: m.cancelled.negator.text,
                })
              : t("missed", { label: m.label, competency: label(m.competency), points: m.points })}
          </li>
        ))}
        {grade.forbidden.map((f) => (
          <li key={f.id} className="text-red-800">
            {t("forbidden", {
              label: f.label,
              competency: label(f.competency),
              points: f.points,
              words: said(answer, f.words),
            })}
            {phrase(f.words, f.phrase)}
          </li>
        ))}
        {grade.excused.map((e) => (
          <li key={e.id} className="text-slate-700">
            {t("excused", { label: e.label, words: said(answer, e.words), negator: e.negator.text })}
          </li>
        ))}
      </ul>
      <p className="font-medium">
        {Object.keys(grade.points).length === 0
          ? t("noPoints")
          : t("points", {
              points: Object.entries(grade.points)
                .map(([c, p]) => `${label(c)} ${signedPoints(p)}`)
                .join(" · "),
            })}
      </p>
    </div>
  );
}
