import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { DOMAIN_WORDS } from "./domain-words";
import { expandWord, stem } from "./english";
import { fold } from "./normalise";

/** A word of an answer (or of a rubric phrase), or a boundary between clauses. */
export type Token = {
  /** Folded form: simplified, lower case, contractions expanded. */
  text: string;
  /** What rubric words are compared with: the stem of an English word, else the text. */
  key: string;
  kind: "han" | "latin" | "num" | "clause" | "sentence";
  /** Offsets in the text as typed (UTF-16 units), for explaining a match. */
  start: number;
  end: number;
  /** Offsets in the folded text. */
  from: number;
  to: number;
};

/** An answer as words: the folded text and its tokens in order. */
export type Segmented = { text: string; tokens: Token[] };

let jieba: Jieba | undefined;

/** jieba with the dictionary shipped inside the npm package plus the bank's own words; loaded once. */
function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(DOMAIN_WORDS.map((w) => `${w} 2000 n`).join("\n")));
  }
  return jieba;
}

/** Chinese words, with HMM off: a word the dictionaries do not know stays as single characters. */
function cutHan(run: string): string[] {
  return segmenter().cut(run, false);
}

const PIECE =
  /(\p{Script=Han}+)|(\d+(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?)|([a-z]+(?:'[a-z]+)*)|([。.!?！？;；…\n]+)|([,，、:：—–]+)/gu;
const TITLES = new Set(["mr", "mrs", "ms", "dr", "st"]);
const MEASURES = /^[万千百亿元块点个号天月年岁分秒次笔]/u;

/** Splits an answer into words (jieba for Chinese, word tokens for English) and clause boundaries. */
export function segment(original: string): Segmented {
  const { text, start, end } = fold(original);
  const tokens: Token[] = [];
  const span = (from: number, to: number) => ({ start: start[from] ?? 0, end: end[to - 1] ?? 0, from, to });
  for (const m of text.matchAll(PIECE)) {
    const at = m.index;
    const [piece, han, num, latin, stop] = m;
    if (han) {
      let from = at;
      // A measure word right after a number stands alone: 38万全转 is 38 万 全 转, not 38 万全 转.
      const measure = tokens.at(-1)?.kind === "num" && tokens.at(-1)?.to === at && MEASURES.test(han);
      const words = measure ? [han.slice(0, 1), ...cutHan(han.slice(1))] : cutHan(han);
      for (const word of words) {
        tokens.push({ text: word, key: word, kind: "han", ...span(from, from + word.length) });
        from += word.length;
      }
    } else if (num) {
      const digits = num.replace(/,/g, "");
      tokens.push({ text: digits, key: digits, kind: "num", ...span(at, at + num.length) });
    } else if (latin) {
      for (const word of expandWord(latin)) {
        tokens.push({ text: word, key: stem(word), kind: "latin", ...span(at, at + latin.length) });
      }
    } else if (stop) {
      // "Mrs. Wang" is one sentence.
      const title = stop === "." && TITLES.has(tokens.at(-1)?.text ?? "");
      if (!title) tokens.push({ text: piece, key: piece, kind: "sentence", ...span(at, at + piece.length) });
    } else {
      tokens.push({ text: piece, key: piece, kind: "clause", ...span(at, at + piece.length) });
    }
  }
  return { text, tokens };
}

export const tokenize = (text: string): Token[] => segment(text).tokens;

export const isWord = (t: Token) => t.kind === "han" || t.kind === "latin" || t.kind === "num";
