import { diffLines } from "diff";

export type DiffLine = {
  kind: "same" | "added" | "removed";
  oldLine?: number;
  newLine?: number;
  text: string;
};

/** Line-by-line changes from `before` to `after`, with each side's line numbers. */
export function lineDiff(before: string, after: string): DiffLine[] {
  const lines: DiffLine[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const part of diffLines(before, after)) {
    const texts = part.value.replace(/\n$/, "").split("\n");
    for (const text of texts) {
      if (part.added) lines.push({ kind: "added", newLine: newLine++, text });
      else if (part.removed) lines.push({ kind: "removed", oldLine: oldLine++, text });
      else lines.push({ kind: "same", oldLine: oldLine++, newLine: newLine++, text });
    }
  }
  return lines;
}

/** The changed lines with `context` unchanged lines around each change; gaps become null. */
export function withContext(lines: DiffLine[], context = 3): (DiffLine | null)[] {
  const keep = lines.map((_, i) =>
    lines.slice(Math.max(0, i - context), i + context + 1).some((n) => n.kind !== "same"),
  );
  const out: (DiffLine | null)[] = [];
  lines.forEach((line, i) => {
    if (keep[i]) out.push(line);
    else if (out.at(-1) !== null) out.push(null);
  });
  return out;
}
