/**
 * One typing slip between an English rubric word and an answer word: two neighbouring letters
 * swapped (4+ letters: "rigth"), one letter missing or extra (5+: "sory", "submited"), or one
 * letter wrong (7+: "investigetion"). Shorter words must be spelled right: "call" is not "tall".
 */
export function isTypoOf(typed: string, word: string): boolean {
  if (typed === word || word.length < 4 || Math.abs(typed.length - word.length) > 1) return false;
  if (typed.length === word.length) {
    const diff = [...word].flatMap((c, i) => (c === typed[i] ? [] : [i]));
    if (diff.length === 1) return word.length >= 7;
    const [i, j] = diff;
    return (
      diff.length === 2 &&
      j === (i as number) + 1 &&
      word[i as number] === typed[j] &&
      word[j] === typed[i as number]
    );
  }
  if (Math.max(typed.length, word.length) < 5) return false;
  const [short, long] = typed.length < word.length ? [typed, word] : [word, typed];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}
