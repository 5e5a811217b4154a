import { pinyin } from "pinyin-pro";

const cache = new Map<string, string[]>();

/**
 * Toneless pinyin at each UTF-16 index of `text` (read in context, so 银行 is yin hang); a
 * character that is not Chinese stands for itself, the second half of a surrogate pair is "".
 */
export function pinyinOf(text: string): string[] {
  let out = cache.get(text);
  if (!out) {
    const chars = [...text];
    const read = pinyin(text, { toneType: "none", type: "array" });
    const sounds = read.length === chars.length ? read : chars.map((c) => pinyin(c, { toneType: "none" }));
    out = chars.flatMap((c, i) => (c.length === 2 ? [sounds[i] ?? c, ""] : [sounds[i] ?? c]));
    if (cache.size >= 5000) cache.clear();
    cache.set(text, out);
  }
  return out;
}

/** The pinyin of a Chinese word as someone would type it without switching input: 您好 → ninhao. */
export const typedPinyin = (word: string) => pinyinOf(word).join("");
