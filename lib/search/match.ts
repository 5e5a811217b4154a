import type { SearchSection } from "./sections";

export type SearchHit = SearchSection & {
  score: number;
  /** Text around the first match, split so the match itself can be marked. */
  snippet: { before: string; match: string; after: string };
};

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const SNIPPET_CONTEXT = 40;
export const MAX_RESULTS = 30;

/**
 * Lower case, full-width letters and digits folded (NFKC), so "ＡＴＭ" finds "ATM". Character by
 * character, keeping the length ("…" stays one character), so a position in it is one in the text.
 */
export function normalise(text: string): string {
  return text.replace(/[\s\S]/gu, (c) => {
    const folded = c.normalize("NFKC").toLowerCase();
    return folded.length === c.length ? folded : c.toLowerCase().length === c.length ? c.toLowerCase() : c;
  });
}

/**
 * The query's terms: split at spaces and punctuation; a Chinese run stays one term (matched as a
 * whole, or by its two-character pieces when the exact run is not in the text).
 */
export function queryTerms(query: string): string[] {
  const terms = normalise(query)
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((t) => t.length > 0);
  return [...new Set(terms)].slice(0, 8);
}

function bigrams(term: string): string[] {
  return Array.from({ length: Math.max(0, term.length - 1) }, (_, i) => term.slice(i, i + 2));
}

function count(haystack: string, needle: string): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

/**
 * How well one term matches a text: occurrences of the whole term; for a Chinese term of three or
 * more characters that is not there as a whole, the share of its two-character pieces that are
 * (at least two in three), so "服务效率" still finds "服务的效率". 0 when it does not match.
 */
function termScore(text: string, term: string): number {
  const whole = count(text, term);
  if (whole > 0) return whole;
  if (!CJK.test(term) || term.length < 3) return 0;
  const pieces = bigrams(term);
  const found = pieces.filter((p) => text.includes(p)).length;
  return found * 3 >= pieces.length * 2 ? 0.5 * (found / pieces.length) : 0;
}

function snippetOf(text: string, terms: readonly string[]): SearchHit["snippet"] {
  const lower = normalise(text);
  const candidates = terms.flatMap((t) => [t, ...(CJK.test(t) ? bigrams(t) : [])]);
  let at = -1;
  let length = 0;
  for (const c of candidates) {
    const i = lower.indexOf(c);
    if (i !== -1) {
      at = i;
      length = c.length;
      break;
    }
  }
  if (at === -1) return { before: text.slice(0, SNIPPET_CONTEXT * 2), match: "", after: "" };
  const start = Math.max(0, at - SNIPPET_CONTEXT);
  const end = Math.min(text.length, at + length + SNIPPET_CONTEXT);
  return {
    before: (start > 0 ? "…" : "") + text.slice(start, at),
    match: text.slice(at, at + length),
    after: text.slice(at + length, end) + (end < text.length ? "…" : ""),
  };
}

/**
 * The sections every term matches, best first: a match in the section's or chapter's title counts
 * five times one in the text. At most MAX_RESULTS.
 */
export function searchSections(sections: readonly SearchSection[], query: string): SearchHit[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const section of sections) {
    const title = normalise(`${section.sectionTitle} ${section.chapterTitle}`);
    const text = normalise(section.text);
    let score = 0;
    let all = true;
    for (const term of terms) {
      const s = 5 * termScore(title, term) + termScore(text, term);
      if (s === 0) {
        all = false;
        break;
      }
      score += s;
    }
    if (!all) continue;
    const inText = terms.some((t) => termScore(text, t) > 0);
    hits.push({
      ...section,
      score,
      snippet: snippetOf(inText ? section.text : section.sectionTitle, terms),
    });
  }
  return hits.sort((a, b) => b.score - a.score).slice(0, MAX_RESULTS);
}
