import type { Occurrence } from "./match";
import type { Token } from "./segment";
import { OPTIONAL } from "./words";

/** Words that negate what follows them. */
const NEGATORS = new Set([
  "不",
  "没",
  "没有",
  "别",
  "甭",
  "莫",
  "勿",
  "未",
  "无",
  "非",
  "并非",
  "无需",
  "无须",
  "不用",
  "不必",
  "无法",
  "没法",
  "不能",
  "不会",
  "不要",
  "不是",
  "不可",
  "不敢",
  "不想",
  "不肯",
  "不该",
  "不怎么",
  "从不",
  "从没",
  "从未",
  "绝不",
  "决不",
  "毫不",
  "毫无",
  "谈不上",
  "算不上",
  "说不上",
  "犯不着",
  "not",
  "no",
  "never",
  "nobody",
  "none",
  "neither",
  "nor",
  "without",
  "hardly",
  "instead",
  "rather",
]);

export const isNegatorWord = (word: string) => NEGATORS.has(word);

/** Characters that negate the rest of the word they start (不理解, 别着急, 不放心). */
const NEGATING_CHARS = /[不没别未无]/;

/** Potential complements that negate the verb before them: 保证不了, 做不到. */
const AFTER_NEGATORS = new Set(["不了", "不到", "不成", "不准"]);

/** Words that start a new predicate, so a negation before them does not reach past them. */
const BREAKERS = new Set([
  "我",
  "我们",
  "咱",
  "咱们",
  "但",
  "但是",
  "可是",
  "不过",
  "然而",
  "而是",
  "只是",
  "所以",
  "因此",
  "然后",
  "而且",
  "并且",
  "同时",
  "另外",
  "i",
  "we",
  "but",
  "however",
  "although",
  "though",
  "yet",
  "so",
  "and",
  "then",
  "because",
]);

/** Words after 不 that make "not only", not a negation: 不只, 不仅. */
const NOT_ONLY = new Set(["只", "仅", "光", "止", "only", "just", "merely"]);

/** Words between a negator and the phrase it governs: 不(太)理解, not (going to) check. */
export const NEGATION_WINDOW = 3;

/** A negator at token i really negates (not 是不是 / 能不能 / "not only" / "no" as an answer). */
function negates(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (!NEGATORS.has(t.text)) return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  // A-not-A questions: 是不是, 对不对, 有没有, 能不能, 要不要.
  if (prev && (next?.text === prev.text || t.text === `不${prev.text}` || t.text === `没${prev.text}`))
    return false;
  if (next && NOT_ONLY.has(next.text)) return false;
  if ((t.text === "instead" || t.text === "rather") && next?.text !== "of" && next?.text !== "than")
    return false;
  return true;
}

/**
 * The token that negates an occurrence, if any: a negator before it in the same clause, within
 * a few words and with no new predicate between; a negator among its words; a negating character
 * at the start of the word it was found in (不理解); or a negative complement right after it.
 */
export function negatorOf(tokens: Token[], occurrence: Occurrence): Token | undefined {
  const { found, first, last } = occurrence;
  const own = new Set(
    found.flatMap((f) => Array.from({ length: f.last - f.first + 1 }, (_, k) => f.first + k)),
  );
  for (let i = first + 1; i < last; i++) if (!own.has(i) && negates(tokens, i)) return tokens[i];
  for (const f of found) {
    const t = tokens[f.first] as Token;
    if (f.from > t.from && NEGATING_CHARS.test(t.text.slice(0, f.from - t.from))) return t;
  }
  const after = tokens[last + 1];
  if (after && AFTER_NEGATORS.has(after.text)) return after;
  let words = 0;
  for (let i = first - 1; i >= 0 && words <= NEGATION_WINDOW; i--) {
    const t = tokens[i] as Token;
    if (t.kind === "clause" || t.kind === "sentence") return undefined;
    if (negates(tokens, i)) return t;
    if (BREAKERS.has(t.text)) return undefined;
    if (!OPTIONAL.has(t.text)) words++;
  }
  return undefined;
}
