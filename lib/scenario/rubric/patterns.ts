import { type Token, tokenize } from "./segment";
import { OPTIONAL, PRONOUNS } from "./words";

/** A rubric word as the matcher compares it. */
export type Word = Pick<Token, "text" | "key" | "kind">;

/** One way of saying an element's idea: a phrase as written, or a variant of it through a synonym. */
export type Pattern = {
  /** The accepted phrase as the rubric writes it. */
  phrase: string;
  /** The words looked for (after any synonym was put in). */
  words: Word[];
  /** Words must come in this order (the phrase has a pronoun); otherwise any order in the window. */
  ordered: boolean;
};

/** A phrase or a synonym as words, without particles and punctuation. */
export function phraseWords(phrase: string): Word[] {
  return tokenize(phrase)
    .filter((t) => (t.kind === "han" || t.kind === "latin" || t.kind === "num") && !OPTIONAL.has(t.text))
    .map(({ text, key, kind }) => ({ text, key, kind }));
}

const sameKeys = (a: Word[], b: Word[]) => a.length === b.length && a.every((w, i) => w.key === b[i]?.key);

/** Every place in `words` where `member` occurs, as [index, length, replacement words]. */
function* occurrences(words: Word[], member: Word[]): Generator<[number, number, (other: Word[]) => Word[]]> {
  for (let i = 0; i + member.length <= words.length; i++) {
    if (sameKeys(words.slice(i, i + member.length), member)) yield [i, member.length, (other) => other];
  }
  // A two-character-or-longer synonym inside a longer word: 编号 in 受理编号 (→ 受理单号).
  const only = member.length === 1 ? member[0] : undefined;
  if (only?.kind !== "han" || only.text.length < 2) return;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    if (w.kind !== "han" || w.text === only.text) continue;
    if (w.text.startsWith(only.text) || w.text.endsWith(only.text)) {
      yield [i, 1, (other) => phraseWords(w.text.replace(only.text, other.map((o) => o.text).join("")))];
    }
  }
}

/** At most this many variants of one phrase: synonyms multiply, and trainers' rubrics are bounded. */
export const MAX_VARIANTS = 64;

/**
 * A phrase and every variant of it with one or more words swapped for a synonym of the same group,
 * e.g. 理解您的心情 with [[理解, 明白], [心情, 感受]] → 理解您的心情, 明白您的心情, 理解您的感受, 明白您的感受.
 */
export function variants(phrase: string, groups: readonly (readonly string[])[]): Word[][] {
  const memberWords = groups.map((g) => g.map(phraseWords).filter((w) => w.length > 0));
  const start = phraseWords(phrase);
  if (start.length === 0) return [];
  const seen = new Map<string, Word[]>([[start.map((w) => w.key).join(" "), start]]);
  const queue = [start];
  while (queue.length > 0 && seen.size < MAX_VARIANTS) {
    const words = queue.shift() as Word[];
    for (const members of memberWords) {
      for (const member of members) {
        for (const [i, length, replace] of occurrences(words, member)) {
          for (const other of members) {
            if (other === member) continue;
            const next = [...words.slice(0, i), ...replace(other), ...words.slice(i + length)];
            const id = next.map((w) => w.key).join(" ");
            if (next.length === 0 || seen.has(id) || seen.size >= MAX_VARIANTS) continue;
            seen.set(id, next);
            queue.push(next);
          }
        }
      }
    }
  }
  return [...seen.values()];
}

/**
 * A short Chinese phrase that segments into single characters (a word outside the dictionary,
 * 窝火 → 窝 火) is also looked for as one string of characters, so that it is found even where
 * the answer's context makes jieba cut it differently.
 */
function characterFallback(words: Word[]): Word | undefined {
  if (words.length < 2 || !words.every((w) => w.kind === "han") || !words.some((w) => w.text.length === 1))
    return undefined;
  const text = words.map((w) => w.text).join("");
  return text.length <= 4 ? { text, key: text, kind: "han" } : undefined;
}

const cache = new WeakMap<object, Pattern[]>();

/**
 * The patterns for an element's accepted phrases (or a forbidden rule's phrases) and its synonym
 * groups, compiled once per rubric entry (`owner`).
 */
export function compilePatterns(
  owner: object,
  phrases: readonly string[],
  groups: readonly (readonly string[])[] = [],
): Pattern[] {
  const cached = cache.get(owner);
  if (cached) return cached;
  const patterns: Pattern[] = [];
  for (const phrase of phrases) {
    for (const words of variants(phrase, groups)) {
      const ordered = words.some((w) => PRONOUNS.has(w.text));
      patterns.push({ phrase, words, ordered });
      const fallback = characterFallback(words);
      if (fallback) patterns.push({ phrase, words: [fallback], ordered: true });
    }
  }
  cache.set(owner, patterns);
  return patterns;
}
