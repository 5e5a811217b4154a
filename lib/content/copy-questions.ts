/**
 * The "copy into English" offer: the zh-CN source's questions that the translation lacks, copied
 * in before its `</KnowledgeCheck>` and marked `untranslated` (a flag parity accepts and publishing
 * refuses, content/AUTHORING.md). `lines` are the questions' first lines in the source, as the
 * `questionMissing` issues name them. Returns null when the translation has no knowledge check to
 * copy into, or no question block is found.
 */
export function copyQuestionsInto(
  source: string,
  translation: string,
  lines: readonly number[],
): string | null {
  const sourceLines = source.split("\n");
  const blocks: string[] = [];
  for (const line of lines) {
    const start = line - 1;
    if (!/^\s*<Question\b/.test(sourceLines[start] ?? "")) continue;
    const end = sourceLines.findIndex((l, i) => i >= start && l.includes("</Question>"));
    if (end < 0) continue;
    const block = sourceLines.slice(start, end + 1);
    block[0] = (block[0] as string).replace("<Question", "<Question untranslated");
    blocks.push(block.join("\n"));
  }
  const close = translation.lastIndexOf("</KnowledgeCheck>");
  if (blocks.length === 0 || close < 0) return null;
  const lineStart = translation.lastIndexOf("\n", close - 1) + 1;
  return `${translation.slice(0, lineStart)}${blocks.join("\n")}\n${translation.slice(lineStart)}`;
}
