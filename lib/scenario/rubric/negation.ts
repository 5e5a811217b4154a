import type { Occurrence } from "./match";
import type { Token } from "./segment";
import { OPTIONAL } from "./words";

/** Words that negate what follows them. */
const NEGATORS = new Set([
  ...["不", "没", "没有", "别", "甭", "莫", "勿", "未", "无", "非", "并非", "无需", "无须", "不用", "不必"],
  ...["无法", "没法", "不能", "不会", "不要", "不是", "不可", "不敢", "不想", "不肯", "不该", "不怎么"],
  ...[
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
    "别说",
    "轮不到",
    "用不着",
  ],
  ...["not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "without", "hardly"],
  ...["instead", "rather"],
]);
export const isNegatorWord = (word: string) => NEGATORS.has(word);

/** Negators that ask ("别着急", "don't worry") rather than deny ("我不抱歉"). */
const ASKING = new Set(["别", "甭", "莫", "勿", "不用", "不必", "无需", "无须", "别说"]);

/** A negator that denies something (not a request not to do it): what a later "I'm not sorry" is. */
export function isDenial(tokens: Token[], negator: Token): boolean {
  if (ASKING.has(negator.text)) return false;
  const i = tokens.indexOf(negator);
  // "don't worry": do + not opening its clause is a request.
  return !(negator.text === "not" && tokens[i - 1]?.text === "do" && isBoundary(tokens[i - 2]));
}

/**
 * For forbidden phrases only: words that make what follows a question or a supposition, not a
 * claim ("不管是不是系统的问题", "如果是系统问题", "whether it's a system fault").
 */
const HEDGES = new Set([
  "不管",
  "无论",
  "不论",
  "是不是",
  "是否",
  "如果",
  "要是",
  "假如",
  "whether",
  "if",
  "regardless",
]);

/** Characters that negate the rest of the word they start (不放心, 别着急). */
const NEGATING_CHARS = /[不没别未无]/;

/** Said after a phrase, these deny or void it: 保证不了, 抱歉是不可能的, 光说对不起也没用, 理解错了. */
const AFTER = [
  ["不了"],
  ["不到"],
  ["不成"],
  ["不准"],
  ["不一定"],
  ["不", "一定"],
  ["未必"],
  ["没用"],
  ["没有", "用"],
  ["不管用"],
  ["无济于事"],
  ["不可能"],
  ["不", "可能"],
  ["有", "什么", "用"],
  ["错"],
  ["will", "not", "help"],
  ["does", "not", "help"],
  ["is", "no", "use"],
  ["pointless"],
  ["useless"],
];

/** Time words after a phrase that the denial after them still reaches: 24小时内不一定有结果. */
const POSTPOSITIONS = new Set(["内", "之内", "以内", "前", "之前", "以前", "后", "之后", "左右"]);

/** Words that start a new predicate, so a negation before them does not reach past them. */
const BREAKERS = new Set([
  ...["我", "我们", "咱", "咱们", "但", "但是", "可是", "不过", "然而", "而是", "只是", "所以", "因此"],
  ...["然后", "而且", "并且", "同时"],
  ...["i", "we", "but", "however", "although", "though", "yet", "so", "and", "then", "because"],
]);

/** Verbs whose negation reaches into the clause they introduce: "I don't think I understand", 我不敢说今天就退. */
const CLAUSE_VERBS = new Set([
  ...["觉得", "认为", "以为", "说", "讲", "告诉", "跟您说", "承认"],
  ...["think", "believe", "say", "tell", "claim", "pretend", "suppose", "expect", "promise"],
]);

/** Words that neither start a predicate nor count towards the negation window. */
export const LIGHT = new Set([
  ...["也", "都", "就", "再", "还", "又", "先", "很", "真", "太", "真的", "特别", "非常", "是", "这", "那"],
  ...["to", "be", "is", "am", "are", "was", "were", "it", "that", "this", "will", "would", "shall", "do"],
  ...["does", "did", "have", "has", "had", "going", "gonna", "please", "just", "really", "even", "actually"],
  ...[
    "on",
    "in",
    "at",
    "within",
    "for",
    "of",
    "by",
    "with",
    "from",
    "about",
    "把",
    "被",
    "在",
    "给",
    "跟",
    "对",
  ],
]);

/** Coordination carries a negation on: "don't call the hotline or ask the merchant". */
const OR = new Set(["or", "nor", "或", "或者", "或是"]);

/** Words after 不 that make "not only", not a negation: 不只, 不仅, not just. */
const NOT_NEGATING_NEXT = new Set(["只", "仅", "光", "止", "only", "just", "merely"]);
/** Words after a negator that make an upper bound, not a denial: 不超过, 不出, no more than. */
const BOUNDS = new Set(["超过", "出", "多于", "晚于", "more", "longer", "later"]);

/** Words between a negator and the phrase it governs: 不(太)理解, not (going to) check. */
export const NEGATION_WINDOW = 3;

export const isBoundary = (t: Token | undefined) => !t || t.kind === "clause" || t.kind === "sentence";

/** The mark that ends the sentence token i is in (undefined at the end of the answer). */
function sentenceEnd(tokens: Token[], i: number): Token | undefined {
  let j = i;
  while (j < tokens.length && tokens[j]?.kind !== "sentence") j++;
  return tokens[j];
}

/** A negator at token i really negates (not 是不是 / 能不能 / 不只 / 不超过 / the rhetorical 这不是…嘛). */
export function negates(tokens: Token[], i: number, hedges: boolean): boolean {
  const t = tokens[i] as Token;
  if (hedges && HEDGES.has(t.text)) return true;
  if (!NEGATORS.has(t.text)) return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  // A-not-A questions: 是不是, 对不对, 有没有, 能不能, 要不要.
  if (prev && (next?.text === prev.text || t.text === `不${prev.text}` || t.text === `没${prev.text}`))
    return false;
  if (next && NOT_NEGATING_NEXT.has(next.text)) return false;
  // An upper bound is not a denial: 不会超过24小时, 不出两个小时, "won't take more than 24 hours".
  if ([next, tokens[i + 2]].some((n) => n && BOUNDS.has(n.text))) return false;
  if ((t.text === "instead" || t.text === "rather") && next?.text !== "of" && next?.text !== "than")
    return false;
  // 不知道…？ is a polite way to ask ("不知道今天有什么能帮您的？"), not a denial.
  if (t.text === "不" && next?.text === "知道" && sentenceEnd(tokens, i)?.text.includes("?")) return false;
  if (t.text === "不是") {
    let j = i + 1;
    while (!isBoundary(tokens[j]) || tokens[j]?.kind === "clause") j++;
    if (tokens[j - 1]?.text === "嘛") return false;
  }
  return true;
}

/** The first token of AFTER said within two words after token `last`, in the same clause. */
function voidedAfter(tokens: Token[], last: number): Token | undefined {
  let i = last + 1;
  for (let skipped = 0; skipped <= 2 && !isBoundary(tokens[i]); skipped++) {
    for (const words of AFTER) {
      if (words.every((w, k) => tokens[i + k]?.text === w)) {
        // 错 voids only a verb it follows at once (理解错了), not a later word.
        if (words[0] === "错" && i !== last + 1) continue;
        return tokens[i];
      }
    }
    const t = tokens[i] as Token;
    if (!OPTIONAL.has(t.text) && !LIGHT.has(t.text) && !POSTPOSITIONS.has(t.text)) break;
    i++;
  }
  return undefined;
}

/**
 * The token that negates an occurrence, if any: a negator before it in the same clause, within
 * a few words and with no new predicate between (a verb of saying or thinking carries the
 * negation into its clause, "or" carries it on); a negator among its words; a negating character
 * at the start of the word it was found in (不放心); or a denial right after it (保证不了).
 * `hedges` (for forbidden phrases) also treats "if", "whether", 是不是… as cancelling.
 */
export function negatorOf(tokens: Token[], occurrence: Occurrence, hedges = false): Token | undefined {
  const { found, first, last } = occurrence;
  const own = new Set(
    found.flatMap((f) => Array.from({ length: f.last - f.first + 1 }, (_, k) => f.first + k)),
  );
  for (let i = first + 1; i < last; i++) if (!own.has(i) && negates(tokens, i, hedges)) return tokens[i];
  for (const f of found) {
    const t = tokens[f.first] as Token;
    if (f.from > t.from && NEGATING_CHARS.test(t.text.slice(0, f.from - t.from))) return t;
  }
  const after = voidedAfter(tokens, last);
  if (after) return after;
  let words = 0;
  for (let i = first - 1; i >= 0 && words <= NEGATION_WINDOW; i--) {
    const t = tokens[i] as Token;
    if (isBoundary(t)) return undefined;
    if (negates(tokens, i, hedges)) return t;
    if (OR.has(t.text)) words = 0;
    else if (CLAUSE_VERBS.has(t.text)) words = 0;
    else if (BREAKERS.has(t.text)) {
      // "I don't think I understand": a pronoun after a verb of thinking or saying continues its clause;
      // "nothing I can do": so does one after a negative quantifier.
      let j = i - 1;
      while (j >= 0 && LIGHT.has(tokens[j]?.text ?? "")) j--;
      const before = tokens[j];
      if (before && (before.text === "nothing" || before.text === "nobody")) return before;
      if (!before || !CLAUSE_VERBS.has(before.text)) return undefined;
    } else if (!OPTIONAL.has(t.text) && !LIGHT.has(t.text)) words++;
  }
  return undefined;
}
