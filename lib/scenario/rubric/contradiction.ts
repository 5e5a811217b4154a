import type { Occurrence } from "./match";
import { isDenial, LIGHT, negates } from "./negation";
import type { Token } from "./segment";
import { OPTIONAL, PRONOUNS } from "./words";

const isMark = (t: Token | undefined) => t?.kind === "clause" || t?.kind === "sentence";
const INTERJECTIONS = new Set(["哦", "噢", "呃", "嗯", "啊", "哎", "哎呀", "oh", "um", "er", "uh", "hmm"]);

/** Corrections that take back what was just said: "……不对，", "... no, actually,", "no, sorry". */
const CORRECTIONS: (string | null)[][] = [
  ["不对"],
  ["不", "对"],
  ["说错"],
  ["搞错"],
  ["弄错"],
  ["认错"],
  ["no", null],
  ["no", "actually"],
  ["no", "sorry"],
  ["no", "wait"],
  ["actually", null, "no"],
  ["actually", "no"],
  ["scratch", "that"],
];
/** After a phrase that trails off ("如果我理解得对，您是想……"), these abandon it. */
const ABANDON: string[][] = [
  ["算了"],
  ["等等"],
  ["等一下"],
  ["先不说"],
  ["hang", "on"],
  ["wait"],
  ["actually"],
];

/** `null` in a sequence stands for a comma or full stop. */
const matchesAt = (tokens: Token[], i: number, words: (string | null)[]) =>
  words.every((w, k) => (w === null ? isMark(tokens[i + k]) : tokens[i + k]?.text === w));

/** The clause after an occurrence starts with a correction, or the phrase trails off ("…", "——") into an interruption. */
function retractionOf(tokens: Token[], occurrence: Occurrence): Token | undefined {
  let i = occurrence.last + 1;
  while (i < tokens.length && !isMark(tokens[i])) i++;
  if (i >= tokens.length) return undefined;
  const trailsOff = /\.\.\.|[…—-]/.test(tokens[i]?.text ?? "");
  while (isMark(tokens[i])) i++;
  while (INTERJECTIONS.has(tokens[i]?.text ?? "")) i++;
  while (isMark(tokens[i])) i++;
  if (CORRECTIONS.some((c) => matchesAt(tokens, i, c))) return tokens[i];
  if (trailsOff && ABANDON.some((a) => matchesAt(tokens, i, a))) return tokens[i];
  return undefined;
}

/** Words that take a clause after them ("抱歉我没能及时帮您" is still an apology), so are never its topic. */
const TAKES_A_CLAUSE = new Set([
  ...["抱歉", "对不起", "对不住", "不好意思", "理解", "明白", "担心", "着急", "遗憾", "可惜", "放心"],
  ...["sorri", "understand", "afraid", "worri", "glad", "sure"],
]);

/**
 * A topic said first and then denied: "核查我还没提交", "回执就不给您了". The phrase opens its
 * clause and a denial follows at once (after at most a subject and adverbs).
 */
function deniedTopicOf(tokens: Token[], occurrence: Occurrence): Token | undefined {
  const before = tokens[occurrence.first - 1];
  if (before && !isMark(before)) return undefined;
  if (TAKES_A_CLAUSE.has((tokens[occurrence.last] as Token).key)) return undefined;
  let i = occurrence.last + 1;
  if (PRONOUNS.has(tokens[i]?.text ?? "")) i++;
  while (LIGHT.has(tokens[i]?.text ?? "") || OPTIONAL.has(tokens[i]?.text ?? "")) i++;
  const t = tokens[i];
  return t && !isMark(t) && negates(tokens, i, false) && isDenial(tokens, t) ? t : undefined;
}

const BUT = new Set(["but", "但", "但是", "可是", "不过"]);
/** Words a refusal points back with: "but I can't do that", "但这个办不了". */
const POINTING_BACK = new Set(["that", "it", "this", "anyone", "anybody", "这个", "这", "那个", "任何人"]);
/** Refusals that need no object: "但今天不行", "可我办不到". */
const REFUSALS = new Set(["不行", "办不到", "做不到", "帮不了", "办不了"]);

/** "I'd love to look into it, but I can't do that": an offer taken back, in its sentence, by a refusal pointing at it. */
function refusalOf(tokens: Token[], occurrence: Occurrence): Token | undefined {
  // Feelings and apologies stand: "您着急我能理解，但这事我现在帮不了您" still acknowledges.
  if (TAKES_A_CLAUSE.has((tokens[occurrence.last] as Token).key)) return undefined;
  // The offer stands in the clause right before the refusal ("Mrs Wang, you're welcome to…, but"
  // keeps the name).
  let i = occurrence.last + 1;
  let marks = 0;
  for (; i < tokens.length && !BUT.has(tokens[i]?.text ?? ""); i++) {
    if (tokens[i]?.kind === "sentence") return undefined;
    if (tokens[i]?.kind === "clause" && ++marks > 1) return undefined;
  }
  if (!BUT.has(tokens[i]?.text ?? "")) return undefined;
  for (let j = i + 1; j < Math.min(tokens.length, i + 7) && tokens[j]?.kind !== "sentence"; j++) {
    const t = tokens[j] as Token;
    if (REFUSALS.has(t.text)) return t;
    const pointsBack = [tokens[j + 1], tokens[j + 2]].some((n) => POINTING_BACK.has(n?.text ?? ""));
    if (pointsBack && negates(tokens, j, false) && isDenial(tokens, t)) return t;
  }
  return undefined;
}

const YOU = new Set(["您", "你", "you"]);

/**
 * "我理解您，但您也得理解我们", "I understand, but you have to understand…": the same word turned
 * on the customer after "but" takes it back, and is itself asked of the customer, not said.
 */
function turnedAroundOf(tokens: Token[], occurrence: Occurrence): Token | undefined {
  for (let j = occurrence.first - 1; j >= Math.max(1, occurrence.first - 4) && !isMark(tokens[j]); j--) {
    if (YOU.has(tokens[j]?.text ?? "") && BUT.has(tokens[j - 1]?.text ?? "")) return tokens[j - 1];
  }
  const keys = new Set(tokens.slice(occurrence.first, occurrence.last + 1).map((t) => t.key));
  let i = occurrence.last + 1;
  while (i < tokens.length && tokens[i]?.kind !== "sentence" && !BUT.has(tokens[i]?.text ?? "")) i++;
  if (!BUT.has(tokens[i]?.text ?? "") || !YOU.has(tokens[i + 1]?.text ?? "")) return undefined;
  for (let j = i + 2; j < i + 6 && !isMark(tokens[j]); j++)
    if (keys.has(tokens[j]?.key ?? "")) return tokens[i];
  return undefined;
}

/** What cancels an occurrence after it was said: a correction, a denial of it as a topic, a refusal, a "yes, but you…". */
export function contradictionOf(tokens: Token[], occurrence: Occurrence): Token | undefined {
  return (
    retractionOf(tokens, occurrence) ??
    deniedTopicOf(tokens, occurrence) ??
    refusalOf(tokens, occurrence) ??
    turnedAroundOf(tokens, occurrence)
  );
}
