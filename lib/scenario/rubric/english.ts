import { stemmer } from "stemmer";

/** Contractions (also typed without the apostrophe) as the words they stand for. */
const WHOLE: Record<string, string[]> = {
  "can't": ["can", "not"],
  cant: ["can", "not"],
  cannot: ["can", "not"],
  "won't": ["will", "not"],
  wont: ["will", "not"],
  "shan't": ["shall", "not"],
  "ain't": ["is", "not"],
  "let's": ["let", "us"],
  im: ["i", "am"],
  ive: ["i", "have"],
};
const NOT_FREE = /^(do|does|did|is|are|was|were|has|have|had|would|could|should|must|need)nt$/;
const SUFFIX: [RegExp, string][] = [
  [/n't$/, "not"],
  [/'m$/, "am"],
  [/'re$/, "are"],
  [/'ve$/, "have"],
  [/'ll$/, "will"],
  [/'d$/, "would"],
];
/** Words whose `'s` is "is" rather than a possessive. */
const IS_BEFORE = new Set(["it", "that", "there", "here", "what", "who", "where", "how", "he", "she"]);

/** One typed English word as the words it stands for: "don't" → do not, "I'm" → i am, "Wang's" → wang. */
export function expandWord(word: string): string[] {
  const whole = WHOLE[word];
  if (whole) return whole;
  const free = NOT_FREE.exec(word);
  if (free?.[1]) return [free[1], "not"];
  for (const [suffix, expansion] of SUFFIX) {
    if (suffix.test(word)) return [word.replace(suffix, ""), expansion];
  }
  if (word.endsWith("'s")) {
    const base = word.slice(0, -2);
    return IS_BEFORE.has(base) ? [base, "is"] : [base];
  }
  return [word.replace(/'/g, "")];
}

/**
 * Light stemming (Porter, after folding British -ise spellings to -ize), so that "apologise",
 * "apologising" and "apologies" compare equal.
 */
export function stem(word: string): string {
  const american = word.length >= 6 ? word.replace(/is(e|es|ed|ing|ation|ations)$/, "iz$1") : word;
  return stemmer(american);
}
