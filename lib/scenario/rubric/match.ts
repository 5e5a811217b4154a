import type { Pattern, Word } from "./patterns";
import { pinyinOf, typedPinyin } from "./pinyin";
import type { Segmented, Token } from "./segment";
import { isTypoOf } from "./typos";
import { OPTIONAL } from "./words";

/** Where one rubric word was found: tokens first..last, folded characters from..to. */
export type Found = { first: number; last: number; from: number; to: number };

/** One place where all of a pattern's words were found, in the answer's order. */
export type Occurrence = { pattern: Pattern; found: Found[]; first: number; last: number };

/** Words other than those of the phrase that may stand between them ("给您带来了很多不便"). */
export const MAX_GAP = 2;

/** An answer ready for matching: its words, which token holds each character, and words already looked up. */
export type Prepared = Segmented & {
  tokenAt: Int32Array;
  found: Map<string, Found[]>;
  pinyin?: string[];
  sounds?: Map<string, number[]>;
};

export function prepare(answer: Segmented): Prepared {
  const tokenAt = new Int32Array(answer.text.length).fill(-1);
  answer.tokens.forEach((t, i) => {
    for (let c = t.from; c < t.to; c++) tokenAt[c] = i;
  });
  return { ...answer, tokenAt, found: new Map() };
}

/** Suffixes that leave a word what it is: 明儿个, 今儿个, 孩子们. */
const SUFFIXES = new Set(["个", "儿", "们", "子"]);

/** The span of folded characters a..b, if it keeps to word boundaries as `word` requires. */
function spanAt(answer: Prepared, a: number, b: number, loose: boolean): Found | undefined {
  const { text } = answer;
  const first = answer.tokenAt[a] as number;
  const last = answer.tokenAt[b - 1] as number;
  if (first < 0 || last < 0) return undefined;
  const head = answer.tokens[first] as Token;
  const tail = answer.tokens[last] as Token;
  const whole = head.from === a && tail.to === b;
  // The head of a compound (编号 in 受理编号), not its modifier (受理 in 受理编号); 明儿 in 明儿个.
  const compoundHead =
    first === last && (tail.to === b || (head.from === a && SUFFIXES.has(text.slice(b, tail.to))));
  // A phrase of characters outside the dictionary may start or end inside a word.
  const ok = whole || compoundHead || (loose && (head.from === a || tail.to === b));
  return ok ? { first, last, from: a, to: b } : undefined;
}

/**
 * Where a word occurs: an English word by its stem or with one typing slip; a number exactly; one
 * Chinese character as a whole word; longer Chinese words as whole words, the head of a compound,
 * or typed as pinyin.
 */
function candidates(word: Word, answer: Prepared): Found[] {
  const { tokens, text } = answer;
  const out: Found[] = [];
  const whole = (t: Token, i: number) => out.push({ first: i, last: i, from: t.from, to: t.to });
  if (word.kind === "latin") {
    tokens.forEach((t, i) => {
      if (t.kind === "latin" && (t.key === word.key || isTypoOf(t.text, word.text))) whole(t, i);
    });
  } else if (word.kind !== "han" || word.text.length === 1) {
    tokens.forEach((t, i) => {
      if (t.kind === word.kind && t.key === word.key) whole(t, i);
    });
  } else {
    for (let a = text.indexOf(word.text); a >= 0; a = text.indexOf(word.text, a + 1)) {
      const f = spanAt(answer, a, a + word.text.length, word.loose === true);
      if (f) out.push(f);
    }
    const typed = typedPinyin(word.text);
    tokens.forEach((t, i) => {
      if (t.kind === "latin" && t.text === typed) whole(t, i);
    });
  }
  return out;
}

function lookUp(word: Word, answer: Prepared): Found[] {
  const key = `${word.kind} ${word.loose ? "~" : ""}${word.key}`;
  let list = answer.found.get(key);
  if (!list) {
    list = candidates(word, answer);
    answer.found.set(key, list);
  }
  return list;
}

/** Words between two tokens that count as a gap (particles do not; a phrase does not run across a comma). */
function gapBetween(tokens: Token[], after: number, before: number): number {
  let gap = 0;
  for (let i = after + 1; i < before; i++) {
    const t = tokens[i] as Token;
    if (t.kind === "sentence" || t.kind === "clause") return Number.POSITIVE_INFINITY;
    if (!OPTIONAL.has(t.text)) gap++;
  }
  return gap;
}

function placed(tokens: Token[], pattern: Pattern, chosen: Found[]): Occurrence | undefined {
  const order = chosen
    .map((f, i) => [f, i] as const)
    .sort(([a], [b]) => a.first - b.first || a.from - b.from);
  const inOrder = order.every(([, i], k) => i === k);
  if (pattern.ordered && !inOrder) return undefined;
  let gap = 0;
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1]?.[0] as Found;
    const next = order[k]?.[0] as Found;
    if (next.first < prev.last || (next.first === prev.last && next.from < prev.to)) return undefined;
    gap += next.first > prev.last ? gapBetween(tokens, prev.last, next.first) : 0;
  }
  // Out of order the words must stand together ("把交易查清楚"), in order they may spread a little.
  if (gap > (inOrder ? MAX_GAP : 0)) return undefined;
  const found = order.map(([f]) => f);
  return { pattern, found, first: found[0]?.first ?? 0, last: found.at(-1)?.last ?? 0 };
}

/**
 * A Chinese phrase typed with one character replaced by another of the same sound (an input-method
 * slip: 报歉 for 抱歉, 邦您 for 帮您), the other characters as written.
 */
function homophones(answer: Prepared, pattern: Pattern): Occurrence[] {
  const target = pattern.words.map((w) => w.text).join("");
  if (pattern.words.some((w) => w.kind !== "han") || target.length < 2) return [];
  const sound = pinyinOf(target);
  answer.pinyin ??= pinyinOf(answer.text);
  answer.sounds ??= soundIndex(answer.text);
  const out: Occurrence[] = [];
  for (const a of answer.sounds.get(sound[0] ?? "") ?? []) {
    let slips = 0;
    for (let k = 0; k < target.length && slips <= 1; k++) {
      const typed = answer.text[a + k] ?? "";
      if (typed === target[k]) continue;
      slips += answer.pinyin?.[a + k] === sound[k] && /\p{Script=Han}/u.test(typed) ? 1 : 2;
    }
    if (slips !== 1) continue;
    const f = spanAt(answer, a, a + target.length, true);
    if (f) out.push({ pattern, found: [f], first: f.first, last: f.last });
  }
  return out;
}

/** Where each syllable is said in the answer. */
function soundIndex(text: string): Map<string, number[]> {
  const index = new Map<string, number[]>();
  pinyinOf(text).forEach((p, i) => {
    if (!/\p{Script=Han}/u.test(text[i] ?? "")) return;
    index.set(p, [...(index.get(p) ?? []), i]);
  });
  return index;
}

/** Every place where the pattern's words all occur within a short window of one sentence. */
export function findPattern(answer: Prepared, pattern: Pattern): Occurrence[] {
  const lists = pattern.words.map((w) => lookUp(w, answer));
  if (lists.some((l) => l.length === 0)) return homophones(answer, pattern);
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
  return out.length > 0 ? out : homophones(answer, pattern);
}
