import { Converter } from "opencc-js/t2cn";

/** Traditional (Taiwan and standard OpenCC forms) to Simplified Chinese, phrase-aware. */
const toSimplified = Converter({ from: "tw", to: "cn" });

/** Variants OpenCC leaves alone that mean the same in a bank: 帐户 is written 账户 today. */
const VARIANTS: Record<string, string> = { 帐: "账", "\u2018": "'", "\u2019": "'" };

/** Text folded for comparison, with where each of its UTF-16 units came from in the original. */
export type Folded = { text: string; start: number[]; end: number[] };

/**
 * Folds an answer the way the rubric compares it: full-width forms to ASCII (NFKC), lower case,
 * traditional characters to simplified, curly apostrophes to straight ones. Keeps spaces and
 * punctuation (they mark word and clause boundaries) and a map back to the original offsets.
 */
export function fold(original: string): Folded {
  let text = "";
  const start: number[] = [];
  const end: number[] = [];
  let i = 0;
  for (const ch of original) {
    const folded = ch.normalize("NFKC").toLowerCase();
    for (let k = 0; k < folded.length; k++) {
      start.push(i);
      end.push(i + ch.length);
    }
    text += folded;
    i += ch.length;
  }
  // 么 is already simplified; OpenCC's Taiwan table would read it as its variant 幺 (是么 → 是幺).
  const simplified = toSimplified(text.replace(/么/g, "\ue000")).replace(/\ue000/g, "么");
  // OpenCC maps character for character; should a phrase ever change length, convert one by one.
  const converted =
    simplified.length === text.length
      ? simplified
      : [...text].map((c) => (c === "么" ? c : toSimplified(c))).join("");
  text = converted.length === text.length ? converted : text;
  text = text.replace(/[帐\u2018\u2019]/g, (c) => VARIANTS[c] ?? c);
  return { text, start, end };
}

/** The folded text alone, without spaces or punctuation: how two phrasings are compared as strings. */
export function normalise(text: string): string {
  return fold(text).text.replace(/[\s\p{P}\p{S}]/gu, "");
}
