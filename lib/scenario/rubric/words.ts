/**
 * Small closed word classes the matcher needs, in both languages. Folded forms (simplified,
 * lower case, contractions expanded).
 */

/** Particles a phrase may have or lack without changing its idea: 理解了 = 理解, 确认一下 = 确认. */
export const OPTIONAL = new Set([
  "了",
  "过",
  "着",
  "的",
  "地",
  "一下",
  "啊",
  "呀",
  "啦",
  "哈",
  "嘛",
  "哦",
  "噢",
  "呢",
  "a",
  "an",
  "the",
]);

/** Personal pronouns: a phrase that has one keeps its word order ("理解您" is not "您理解"). */
export const PRONOUNS = new Set([
  "我",
  "我们",
  "咱",
  "咱们",
  "您",
  "你",
  "你们",
  "您们",
  "他",
  "她",
  "他们",
  "i",
  "me",
  "my",
  "we",
  "us",
  "our",
  "you",
  "your",
]);
