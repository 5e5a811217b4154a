import { coded, type IssueCode } from "./issue-codes";
import type { ContentIssue, PartialChapter, Question } from "./types";

const META_KEYS = ["id", "order", "passScore", "attemptsPerDay", "cooldownMinutes", "review"] as const;

const keyOf = (q: Question) => q.options.map((o) => `${o.id}${o.correct ? "*" : ""}`).join(",");

/**
 * What parity needs of one locale: a compiled chapter, or what a chapter that still has errors
 * yielded (lib/content/compile.ts `partial`), so a missing translation shows with the other errors.
 */
export type ParityView = PartialChapter;

/**
 * A translation must keep the source's knowledge check — the draw, the same question ids, and for
 * each its type, section, option ids and key — and the source's policy, so attempts, item
 * statistics and the review queue mean the same in every language. A question copied from the
 * source and marked `untranslated` keeps parity but blocks publishing (content/AUTHORING.md:
 * English is complete or absent). Returns what differs, on the translation's lines where a
 * question is concerned; a missing question points at the translation's <KnowledgeCheck> and
 * names the source's line.
 */
export function checkParity(source: ParityView, translation: ParityView): ContentIssue[] {
  const problems: ContentIssue[] = [];
  const push = (line: number, code: IssueCode, params?: Record<string, string | number>) =>
    problems.push({ line, column: 1, ...coded(code, params) });
  if (source.meta && translation.meta) {
    for (const key of META_KEYS) {
      const [found, expected] = [translation.meta[key], source.meta[key]];
      if (found !== expected) push(1, "metaDiffers", { key, found, expected });
    }
  }
  if (source.draw !== translation.draw)
    push(translation.checkLine ?? 1, "drawDiffers", { found: translation.draw, expected: source.draw });

  const theirs = new Map(translation.questions.map((q) => [q.id, q]));
  const ours = new Set(source.questions.map((q) => q.id));
  for (const q of source.questions) {
    const t = theirs.get(q.id);
    const question = q.id;
    if (!t) {
      push(translation.checkLine ?? 1, "questionMissing", { question, sourceLine: q.line });
      continue;
    }
    if (t.type !== q.type) push(t.line, "typeDiffers", { question, found: t.type, expected: q.type });
    if (t.section !== q.section)
      push(t.line, "sectionDiffers", { question, found: t.section ?? "—", expected: q.section ?? "—" });
    if (keyOf(t) !== keyOf(q))
      push(t.line, "optionsDiffer", { question, found: keyOf(t), expected: keyOf(q) });
  }
  for (const t of translation.questions) {
    if (!ours.has(t.id)) push(t.line, "questionExtra", { question: t.id });
    else if (t.untranslated) push(t.line, "untranslated", { question: t.id });
  }
  return problems.sort((a, b) => a.line - b.line);
}

/** `untranslated` marks a copy in a translation; in the source it is a mistake. */
export function sourceMarks(source: ParityView): ContentIssue[] {
  return source.questions
    .filter((q) => q.untranslated)
    .map((q) => ({ line: q.line, column: 1, ...coded("untranslatedInSource", { question: q.id }) }));
}
