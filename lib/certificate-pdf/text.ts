import type { PDFFont } from "pdf-lib";

export type FittedText = { lines: string[]; size: number };

type FitOptions = { maxWidth: number; maxSize: number; minSize: number; maxLines?: number };

/** Collapses whitespace (including newlines, which pdf-lib would otherwise break on). */
export function clean(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/**
 * The largest size from `maxSize` down to `minSize` at which `text` fits on one line;
 * when even `minSize` is too wide, the text is wrapped at `minSize` and cut with an ellipsis after `maxLines`.
 */
export function fitText(text: string, font: PDFFont, options: FitOptions): FittedText {
  const { maxWidth, maxSize, minSize, maxLines = 2 } = options;
  for (let size = maxSize; size >= minSize; size -= 0.5) {
    if (font.widthOfTextAtSize(text, size) <= maxWidth) return { lines: [text], size };
  }
  const fits = (line: string) => font.widthOfTextAtSize(line, minSize) <= maxWidth;
  return { lines: wrap(text, fits, maxLines), size: minSize };
}

// A Han/kana character, a run of other non-space characters with its trailing spaces, or spaces.
const TOKEN =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+\s*|\s+/gu;

function wrap(text: string, fits: (line: string) => boolean, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const token of text.match(TOKEN) ?? []) {
    if (fits(line + token)) {
      line += token;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = token.trimStart();
    // A single token wider than the line (a long word or URL) is broken between characters.
    while (!fits(line)) {
      let head = "";
      for (const char of line) {
        if (!fits(head + char)) break;
        head += char;
      }
      if (!head) break;
      lines.push(head);
      line = line.slice(head.length);
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length <= maxLines) return lines;

  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] ?? "";
  while (last && !fits(`${last}…`)) last = [...last].slice(0, -1).join("");
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}
