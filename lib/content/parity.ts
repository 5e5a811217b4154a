import type { CompiledChapter } from "./types";

/**
 * A translation must keep the source's knowledge check (question and option ids, types, keys),
 * so attempts and item analysis mean the same in every language. Returns what differs.
 */
export function checkParity(source: CompiledChapter, translation: CompiledChapter): string[] {
  const problems: string[] = [];
  for (const key of ["id", "order", "passScore"] as const) {
    if (source.meta[key] !== translation.meta[key])
      problems.push(`front matter ${key} differs from the zh-CN source`);
  }
  const shape = (c: CompiledChapter) =>
    c.questions.map(
      (q) => `${q.id}:${q.type}:${q.options.map((o) => `${o.id}${o.correct ? "*" : ""}`).join(",")}`,
    );
  const [a, b] = [shape(source), shape(translation)];
  if (a.length !== b.length) problems.push(`has ${b.length} questions, the zh-CN source has ${a.length}`);
  a.forEach((q, i) => {
    if (b[i] !== undefined && b[i] !== q)
      problems.push(`question ${i + 1} differs from the zh-CN source (${b[i]} vs ${q})`);
  });
  return problems;
}
