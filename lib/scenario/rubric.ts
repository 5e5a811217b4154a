import { contradictionOf } from "./rubric/contradiction";
import { findPattern, type Occurrence, type Prepared, prepare } from "./rubric/match";
import { isDenial, negatorOf } from "./rubric/negation";
import { compilePatterns } from "./rubric/patterns";
import { segment, type Token } from "./rubric/segment";
import type { Step } from "./schema";

export { normalise } from "./rubric/normalise";

type TextStep = Extract<Step, { kind: "text" }>;
type Rubric = TextStep["rubric"];

/** A piece of the answer as typed: its text and offsets (UTF-16 units, end exclusive). */
export type Span = { text: string; start: number; end: number };

/** Why an element counted (or would have): the rubric phrase, and the answer's words that matched it. */
export type Evidence = { phrase: string; words: Span[] };

/** A phrase that was said but negated: "我不觉得抱歉" names 抱歉, and 不 cancels it. */
export type Cancelled = Evidence & { negator: Span };

type Entry = { id: string; label: string; competency: string; points: number };

export type RubricGrade = {
  /** Points per competency after deductions. */
  points: Record<string, number>;
  total: number;
  /** Required elements met, with the phrase and the words that show it. */
  matched: (Entry & Evidence)[];
  /** Required elements not met; `cancelled` when the answer said one but negated it. */
  missed: (Entry & { cancelled?: Cancelled })[];
  /** Forbidden ideas expressed: deducted. */
  forbidden: (Entry & Evidence)[];
  /** Forbidden wording that appears but is negated ("我不能保证…"): not deducted. */
  excused: (Entry & Cancelled)[];
};

const spanOf = (answer: string, t: Pick<Token, "start" | "end">): Span => ({
  text: answer.slice(t.start, t.end),
  start: t.start,
  end: t.end,
});

/**
 * The first place an entry's idea is said and stands: not negated, not taken back by a correction
 * after it ("…不对"), and not denied later in the same words ("Sorry? No, I'm not sorry"). Else
 * the first place it was said and cancelled, with the word that cancelled it.
 */
function find(
  answer: string,
  segmented: Prepared,
  phrases: readonly string[],
  synonyms: readonly (readonly string[])[],
  hedges: boolean,
): { said?: Evidence; cancelled?: Cancelled } {
  const { tokens } = segmented;
  const wordsOf = (o: Occurrence) =>
    o.found.map((f) => {
      const first = tokens[f.first] as Token;
      const last = tokens[f.last] as Token;
      return spanOf(answer, { start: first.start, end: last.end });
    });
  const occurrences = compilePatterns(phrases, synonyms)
    .patterns.flatMap((p) => findPattern(segmented, p))
    .sort((a, b) => a.first - b.first)
    .map((o) => {
      const words = wordsOf(o);
      const negator = negatorOf(tokens, o, hedges) ?? contradictionOf(tokens, o);
      return { o, words, negator, text: words.map((w) => w.text.toLowerCase()).join(" ") };
    });
  // Where the same words are last denied ("Sorry? No, I'm not sorry").
  const lastDenied = new Map<string, number>();
  occurrences.forEach(({ negator, text }, k) => {
    if (negator && isDenial(tokens, negator)) lastDenied.set(text, k);
  });
  let cancelled: Cancelled | undefined;
  for (const [k, { o, words, negator, text }] of occurrences.entries()) {
    const later = (lastDenied.get(text) ?? -1) > k ? occurrences[lastDenied.get(text) as number] : undefined;
    const denied = negator ?? later?.negator;
    if (!denied) return { said: { phrase: o.pattern.phrase, words } };
    cancelled ??= { phrase: o.pattern.phrase, words, negator: spanOf(answer, denied) };
  }
  return { cancelled };
}

/**
 * Grades a free-text answer on words, not characters: each required element said (in its own
 * words, a synonym's, in a slightly different order) and not negated earns its points; each
 * forbidden idea said and not negated deducts. The grade explains every decision.
 */
export function gradeFreeText(rubric: Rubric, answer: string): RubricGrade {
  const segmented = prepare(segment(answer));
  const grade: RubricGrade = { points: {}, total: 0, matched: [], missed: [], forbidden: [], excused: [] };
  const add = (competency: string, points: number) => {
    grade.points[competency] = (grade.points[competency] ?? 0) + points;
    grade.total += points;
  };
  for (const element of rubric.required) {
    const { id, label, competency, points } = element;
    const { said, cancelled } = find(answer, segmented, element.accept, element.synonyms, false);
    if (said) {
      grade.matched.push({ id, label, competency, points, ...said });
      add(competency, points);
    } else grade.missed.push({ id, label, competency, points, ...(cancelled ? { cancelled } : {}) });
  }
  for (const rule of rubric.forbidden) {
    const { id, label, competency, points } = rule;
    const { said, cancelled } = find(answer, segmented, rule.phrases, rule.synonyms, true);
    if (said) {
      grade.forbidden.push({ id, label, competency, points, ...said });
      add(competency, -points);
    } else if (cancelled) grade.excused.push({ id, label, competency, points, ...cancelled });
  }
  return grade;
}
