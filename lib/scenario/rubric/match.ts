import type { Pattern, Word } from "./patterns";
import type { Segmented, Token } from "./segment";
import { OPTIONAL } from "./words";

/** Where one rubric word was found: tokens first..last, folded characters from..to. */
export type Found = { first: number; last: number; from: number; to: number };

/** One place where all of a pattern's words were found, in the answer's order. */
export type Occurrence = { pattern: Pattern; found: Found[]; first: number; last: number };

/** Words other than those of the phrase that may stand between them ("给您带来了很多不便"). */
export const MAX_GAP = 2;

/** Where a word occurs: a whole token, or (two or more Chinese characters) a string that starts or ends on a word boundary. */
function candidates(word: Word, answer: Segmented, tokenAt: Int32Array): Found[] {
  const { tokens, text } = answer;
  if (word.kind !== "han" || word.text.length === 1) {
    const out: Found[] = [];
    tokens.forEach((t, i) => {
      if (t.kind === word.kind && t.key === word.key) out.push({ first: i, last: i, from: t.from, to: t.to });
    });
    return out;
  }
  const out: Found[] = [];
  for (let a = text.indexOf(word.text); a >= 0; a = text.indexOf(word.text, a + 1)) {
    const b = a + word.text.length;
    const first = tokenAt[a] as number;
    const last = tokenAt[b - 1] as number;
    const head = tokens[first] as Token;
    const tail = tokens[last] as Token;
    // 心情 inside 开心/情况 straddles two other words: not the word 心情.
    if (head.from === a || tail.to === b) out.push({ first, last, from: a, to: b });
  }
  return out;
}

/** Words and clause marks between two tokens that count as a gap (particles do not; a sentence end forbids). */
function gapBetween(tokens: Token[], after: number, before: number): number {
  let gap = 0;
  for (let i = after + 1; i < before; i++) {
    const t = tokens[i] as Token;
    if (t.kind === "sentence") return Number.POSITIVE_INFINITY;
    if (!OPTIONAL.has(t.text)) gap++;
  }
  return gap;
}

function placed(tokens: Token[], pattern: Pattern, chosen: Found[]): Occurrence | undefined {
  const order = chosen
    .map((f, i) => [f, i] as const)
    .sort(([a], [b]) => a.first - b.first || a.from - b.from);
  if (pattern.ordered && order.some(([, i], k) => i !== k)) return undefined;
  let gap = 0;
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1]?.[0] as Found;
    const next = order[k]?.[0] as Found;
    if (next.first < prev.last || (next.first === prev.last && next.from < prev.to)) return undefined;
    gap += next.first > prev.last ? gapBetween(tokens, prev.last, next.first) : 0;
  }
  // Out of order the words must stand together ("今天到账" / "到账今天"), in order they may spread a little.
  if (gap > (order.every(([, i], k) => i === k) ? MAX_GAP : 0)) return undefined;
  const found = order.map(([f]) => f);
  return { pattern, found, first: found[0]?.first ?? 0, last: found.at(-1)?.last ?? 0 };
}

/** An answer ready for matching: its words, which token holds each character, and words already looked up. */
export type Prepared = Segmented & { tokenAt: Int32Array; found: Map<string, Found[]> };

export function prepare(answer: Segmented): Prepared {
  const tokenAt = new Int32Array(answer.text.length).fill(-1);
  answer.tokens.forEach((t, i) => {
    for (let c = t.from; c < t.to; c++) tokenAt[c] = i;
  });
  return { ...answer, tokenAt, found: new Map() };
}

function lookUp(word: Word, answer: Prepared): Found[] {
  const key = `${word.kind} ${word.key}`;
  let list = answer.found.get(key);
  if (!list) {
    list = candidates(word, answer, answer.tokenAt);
    answer.found.set(key, list);
  }
  return list;
}

/** Every place where the pattern's words all occur within a short window of one sentence. */
export function findPattern(answer: Prepared, pattern: Pattern): Occurrence[] {
  const lists = pattern.words.map((w) => lookUp(w, answer));
  if (lists.some((l) => l.length === 0)) return [];
  const span = pattern.words.length * 3 + MAX_GAP + 4;
  const out: Occurrence[] = [];
  const chosen: Found[] = [];
  const walk = (k: number, lo: number, hi: number) => {
    if (out.length >= 16) return;
    if (k === lists.length) {
      const occurrence = placed(answer.tokens, pattern, chosen);
      if (occurrence) out.push(occurrence);
      return;
    }
    for (const f of lists[k] as Found[]) {
      const nlo = Math.min(lo, f.first);
      const nhi = Math.max(hi, f.last);
      if (nhi - nlo > span) continue;
      chosen.push(f);
      walk(k + 1, nlo, nhi);
      chosen.pop();
    }
  };
  walk(0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);
  return out;
}
