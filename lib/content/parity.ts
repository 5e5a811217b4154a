import type { CompiledChapter, ContentIssue, Question } from "./types";

const META_KEYS = ["id", "order", "passScore", "attemptsPerDay", "cooldownMinutes", "review"] as const;

const keyOf = (q: Question) => q.options.map((o) => `${o.id}${o.correct ? "*" : ""}`).join(",");

/**
 * A translation must keep the source's knowledge check — the draw, the same question ids, and for
 * each its type, section, option ids and key — and the source's policy, so attempts, item
 * statistics and the review queue mean the same in every language. Returns what differs, on the
 * translation's lines where a question is concerned.
 */
export function checkParity(source: CompiledChapter, translation: CompiledChapter): ContentIssue[] {
  const problems: ContentIssue[] = [];
  const top = (message: string) => problems.push({ line: 1, column: 1, message });
  for (const key of META_KEYS) {
    if (source.meta[key] !== translation.meta[key])
      top(
        `front matter ${key} differs from the zh-CN source (${translation.meta[key]} vs ${source.meta[key]})`,
      );
  }
  if (source.draw !== translation.draw)
    top(`<KnowledgeCheck> draw ${translation.draw} differs from the zh-CN source's ${source.draw}`);

  const theirs = new Map(translation.questions.map((q) => [q.id, q]));
  const ours = new Set(source.questions.map((q) => q.id));
  for (const q of source.questions) {
    const t = theirs.get(q.id);
    if (!t) {
      top(`question "${q.id}" of the zh-CN source is missing`);
      continue;
    }
    const at = (message: string) => problems.push({ line: t.line, column: 1, message });
    if (t.type !== q.type) at(`question "${q.id}" is ${t.type}; in the zh-CN source it is ${q.type}`);
    if (t.section !== q.section)
      at(
        `question "${q.id}" tests section ${t.section ?? "—"}; in the zh-CN source section ${q.section ?? "—"}`,
      );
    if (keyOf(t) !== keyOf(q))
      at(
        `question "${q.id}" options (${keyOf(t)}) differ from the zh-CN source (${keyOf(q)}; * marks the key)`,
      );
  }
  for (const t of translation.questions) {
    if (!ours.has(t.id))
      problems.push({ line: t.line, column: 1, message: `question "${t.id}" is not in the zh-CN source` });
  }
  return problems;
}
