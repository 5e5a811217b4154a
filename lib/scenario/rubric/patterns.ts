import { isNegatorWord } from "./negation";
import { type Token, tokenize } from "./segment";
import { OPTIONAL, PRONOUNS } from "./words";

/** A rubric word as the matcher compares it; `loose` may start or end inside an answer's word. */
export type Word = Pick<Token, "text" | "key" | "kind"> & { loose?: boolean };

/** One way of saying an element's idea: a phrase as written, or a variant of it through a synonym. */
export type Pattern = {
  /** The accepted phrase as the rubric writes it. */
  phrase: string;
  /** The words looked for (after any synonym was put in). */
  words: Word[];
  /**
   * Words must come in this order, unless they are all Chinese words of two or more characters
   * and none negates: "把交易查清楚" says "查清楚交易" in another order, "您理解" is not "理解您".
   */
  ordered: boolean;
};

const wordsCache = new Map<string, Word[]>();

/** A phrase or a synonym as words, without particles and punctuation. */
export function phraseWords(phrase: string): Word[] {
  let words = wordsCache.get(phrase);
  if (!words) {
    words = tokenize(phrase)
      .filter((t) => (t.kind === "han" || t.kind === "latin" || t.kind === "num") && !OPTIONAL.has(t.text))
      .map(({ text, key, kind }) => ({ text, key, kind }));
    if (wordsCache.size >= 5000) wordsCache.clear();
    wordsCache.set(phrase, words);
  }
  return words;
}

const sameKeys = (a: Word[], b: Word[]) => a.length === b.length && a.every((w, i) => w.key === b[i]?.key);

/** A phrase being rewritten: its words, and which of them a synonym already replaced (left alone after). */
type Draft = { words: Word[]; swapped: boolean[] };

/** Every rewrite of `draft` that puts one of `others` where `member` stands (in words not yet swapped). */
function swaps(draft: Draft, member: Word[], others: Word[][]): Draft[] {
  const { words, swapped } = draft;
  const put = (i: number, length: number, replacement: Word[]): Draft => ({
    words: [...words.slice(0, i), ...replacement, ...words.slice(i + length)],
    swapped: [...swapped.slice(0, i), ...replacement.map(() => true), ...swapped.slice(i + length)],
  });
  const out: Draft[] = [];
  for (let i = 0; i + member.length <= words.length; i++) {
    if (swapped.slice(i, i + member.length).some(Boolean)) continue;
    if (!sameKeys(words.slice(i, i + member.length), member)) continue;
    for (const other of others) out.push(put(i, member.length, other));
  }
  // A synonym of two or more characters at either end of a longer word: 编号 in 受理编号 (→ 受理单号).
  const only = member.length === 1 ? member[0] : undefined;
  if (only?.kind !== "han" || only.text.length < 2) return out;
  words.forEach((w, i) => {
    if (swapped[i] || w.kind !== "han" || w.text === only.text) return;
    if (!w.text.startsWith(only.text) && !w.text.endsWith(only.text)) return;
    for (const other of others) {
      const text = w.text.replace(only.text, other.map((o) => o.text).join(""));
      out.push(put(i, 1, phraseWords(text)));
    }
  });
  return out;
}

/** At most this many variants of one phrase: synonyms multiply, and trainers' rubrics are bounded. */
export const MAX_VARIANTS = 256;

const idOf = (words: Word[]) => words.map((w) => w.key).join(" ");

/**
 * A phrase and every variant of it with one or more words swapped for a synonym of the same group,
 * e.g. 理解您的心情 with [[理解, 明白], [心情, 感受]] → 理解您的心情, 明白您的心情, 理解您的感受, 明白您的感受.
 * A word put in by a synonym is not swapped again. Variants already in `seen` (from another phrase
 * of the same element) are not repeated; `complete` is false when the phrase hit MAX_VARIANTS.
 */
export function variants(
  phrase: string,
  groups: readonly (readonly string[])[],
  seen = new Set<string>(),
): { words: Word[][]; complete: boolean } {
  const memberWords = groups.map((g) => g.map(phraseWords).filter((w) => w.length > 0));
  const start = phraseWords(phrase);
  const out: Word[][] = [];
  if (start.length === 0 || seen.has(idOf(start))) return { words: out, complete: true };
  seen.add(idOf(start));
  out.push(start);
  const queue: Draft[] = [{ words: start, swapped: start.map(() => false) }];
  while (queue.length > 0) {
    const draft = queue.shift() as Draft;
    for (const members of memberWords) {
      for (const member of members) {
        const others = members.filter((m) => m !== member);
        for (const next of swaps(draft, member, others)) {
          const id = idOf(next.words);
          if (next.words.length === 0 || seen.has(id)) continue;
          if (out.length >= MAX_VARIANTS) return { words: out, complete: false };
          seen.add(id);
          out.push(next.words);
          queue.push(next);
        }
      }
    }
  }
  return { words: out, complete: true };
}

/**
 * A short Chinese phrase that segments into single characters (a word outside the dictionary,
 * 窝火 → 窝 火) is also looked for as one string of characters, so that it is found even where
 * the answer's context makes jieba cut it differently.
 */
function characterFallback(words: Word[]): Word | undefined {
  if (words.length < 2 || !words.every((w) => w.kind === "han" && w.text.length === 1)) return undefined;
  const text = words.map((w) => w.text).join("");
  return text.length <= 4 ? { text, key: text, kind: "han", loose: true } : undefined;
}

/** Compiled rubric entries by their content, so a rubric validated or graded again is not recompiled. */
const cache = new Map<string, Compiled>();
const CACHE_SIZE = 500;

/** An entry's patterns, and the phrases whose variants were cut off at MAX_VARIANTS. */
export type Compiled = { patterns: Pattern[]; overflow: string[] };

/**
 * The patterns for an element's accepted phrases (or a forbidden rule's phrases) and its synonym
 * groups. Each variant appears once, under the first phrase that yields it.
 */
export function compilePatterns(
  phrases: readonly string[],
  groups: readonly (readonly string[])[] = [],
): Compiled {
  const key = JSON.stringify([phrases, groups]);
  const cached = cache.get(key);
  if (cached) return cached;
  const patterns: Pattern[] = [];
  const overflow: string[] = [];
  const seen = new Set<string>();
  for (const phrase of phrases) {
    const { words: all, complete } = variants(phrase, groups, seen);
    if (!complete) overflow.push(phrase);
    for (const words of all) {
      const ordered = words.some(
        (w) => w.kind !== "han" || w.text.length === 1 || PRONOUNS.has(w.text) || isNegatorWord(w.text),
      );
      patterns.push({ phrase, words, ordered });
      const fallback = characterFallback(words);
      if (fallback) patterns.push({ phrase, words: [fallback], ordered: true });
    }
  }
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  const compiled = { patterns, overflow };
  cache.set(key, compiled);
  return compiled;
}
