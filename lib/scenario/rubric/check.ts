import type { Step } from "../schema";
import { normalise } from "./normalise";
import { compilePatterns, MAX_VARIANTS, phraseWords } from "./patterns";

type Rubric = Extract<Step, { kind: "text" }>["rubric"];
type Problem = { path: (string | number)[]; message: string };

/**
 * What the schema cannot see in a rubric: a phrase or synonym with no word left to match once
 * particles and punctuation are set aside, a word twice in one synonym group, a group that no
 * phrase of its element uses (so it changes nothing), and a phrase with too many synonym variants.
 */
export function rubricProblems(rubric: Rubric): Problem[] {
  const problems: Problem[] = [];
  const entries = [
    ...rubric.required.map((r, i) => ({
      at: ["required", i],
      phrases: r.accept,
      key: "accept",
      synonyms: r.synonyms,
    })),
    ...rubric.forbidden.map((r, i) => ({
      at: ["forbidden", i],
      phrases: r.phrases,
      key: "phrases",
      synonyms: r.synonyms,
    })),
  ];
  for (const { at, phrases, key, synonyms } of entries) {
    const { overflow } = compilePatterns(phrases, synonyms);
    phrases.forEach((p, i) => {
      if (phraseWords(p).length === 0)
        problems.push({
          path: [...at, key, i],
          message: `"${p}" has no word to match (only particles or punctuation)`,
        });
      else if (overflow.includes(p))
        problems.push({
          path: [...at, key, i],
          message: `"${p}" has more than ${MAX_VARIANTS} synonym variants: split the synonym groups or the phrase`,
        });
    });
    const used = phrases.map(normalise).join("|");
    synonyms.forEach((group, g) => {
      const seen = new Set<string>();
      group.forEach((word, w) => {
        const n = normalise(word);
        if (phraseWords(word).length === 0)
          problems.push({ path: [...at, "synonyms", g, w], message: `"${word}" has no word to match` });
        else if (seen.has(n))
          problems.push({
            path: [...at, "synonyms", g, w],
            message: `"${word}" appears twice in this group`,
          });
        seen.add(n);
      });
      if (![...seen].some((n) => n && used.includes(n)))
        problems.push({
          path: [...at, "synonyms", g],
          message: `no phrase in ${key} contains a word of this group, so the group changes nothing`,
        });
    });
  }
  return problems;
}
