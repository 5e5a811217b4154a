import { describe, expect, it } from "vitest";
import { compileChapter } from "@/lib/content/compile";
import { checkParity } from "@/lib/content/parity";
import type { CompiledChapter } from "@/lib/content/types";
import { FRONT, labels, sample } from "./content-fixtures";

const compile = (source: string) =>
  compileChapter(source, { labels, expect: { slug: "sample", locale: "en" } });
const chapterOf = (source: string): CompiledChapter => {
  const r = compile(source);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.line}:${i.column} ${i.message}`).join("\n"));
  return r.chapter;
};
const issuesOf = (source: string) => {
  const r = compile(source);
  if (r.ok) throw new Error("expected issues");
  return r.issues.map((i) => `${i.line}:${i.column} ${i.message}`);
};

// Three sections: the body starts on line 12 (after the 10-line front matter and a blank line).
const BODY = "## One\n\nText.\n\n## Two\n\nText.\n\n## Three\n\nText.";
const question = (n: number, section?: number, type = "single") =>
  `  <Question id="q${n}" type="${type}"${section === undefined ? "" : ` section="${section}"`} prompt="Question ${n}?">
    <Option id="a" feedback="No.">A</Option>
    <Option id="b" correct feedback="Yes.">B</Option>
  </Question>`;
/** A check whose question i (1-based) tests `sections[i - 1]`; each question takes 4 lines. */
const pool = (sections: (number | undefined)[], open = '<KnowledgeCheck draw="2">') =>
  `${open}\n${sections.map((s, i) => question(i + 1, s)).join("\n")}\n</KnowledgeCheck>`;
// The check starts on line 24: 11 lines of front matter and blank, 11 of body, one blank.
const CHECK_LINE = 24;
const questionLine = (n: number) => CHECK_LINE + 1 + (n - 1) * 4;

describe("question pools", () => {
  it("reads the draw and each question's section into the compiled chapter", () => {
    const c = chapterOf(sample(BODY, pool([1, 2, 3, 1, 2])));
    expect(c.draw).toBe(2);
    expect(c.questions.map((q) => q.section)).toEqual([1, 2, 3, 1, 2]);
    expect(c.questions.map((q) => q.line)).toEqual([1, 2, 3, 4, 5].map(questionLine));
  });

  it("draws 8 by default and holds every check to the pool rules", () => {
    const sections = Array.from({ length: 20 }, (_, i) => (i % 3) + 1);
    const c = chapterOf(sample(BODY, pool(sections, "<KnowledgeCheck>")));
    expect(c.draw).toBe(8);
    expect(issuesOf(sample(BODY, pool([undefined, 2, 3], "<KnowledgeCheck>")))).toEqual([
      `12:1 section 1 "One" is not tested by any question: give one section="1"`,
      `${CHECK_LINE}:1 the pool has 3 questions; draw="8" needs at least 20 (2.5 × 8)`,
      `${questionLine(1)}:3 question "q1" needs section="…": the number of the ## section it tests (1–3)`,
    ]);
  });

  it("needs a pool of at least 2.5 × draw questions", () => {
    expect(issuesOf(sample(BODY, pool([1, 2, 3, 1])))).toEqual([
      `${CHECK_LINE}:1 the pool has 4 questions; draw="2" needs at least 5 (2.5 × 2)`,
    ]);
    // 2.5 × 3 = 7.5: a pool of 8 is needed.
    expect(issuesOf(sample(BODY, pool([1, 2, 3, 1, 2, 3, 1], '<KnowledgeCheck draw="3">')))).toEqual([
      `${CHECK_LINE}:1 the pool has 7 questions; draw="3" needs at least 8 (2.5 × 3)`,
    ]);
  });

  it("needs a section on every question, pointing at an existing ## section, and every section tested", () => {
    expect(issuesOf(sample(BODY, pool([1, undefined, 1, 9, 2, 0])))).toEqual([
      `20:1 section 3 "Three" is not tested by any question: give one section="3"`,
      `${questionLine(2)}:3 question "q2" needs section="…": the number of the ## section it tests (1–3)`,
      `${questionLine(4)}:3 question "q4" section="9" is not a section: write the number of the ## section it tests (1–3)`,
      `${questionLine(6)}:3 question "q6" section="0" is not a section: write the number of the ## section it tests (1–3)`,
    ]);
  });

  it("counts a ## heading inside a component as a section, as the rendered page does", () => {
    const body = `${BODY}\n\n<Callout type="tip">\n\n## Four\n\nTip.\n\n</Callout>`;
    const c = chapterOf(sample(body, pool([1, 2, 3, 4, 1])));
    expect(c.toc.map((t) => t.id)).toEqual(["s-1", "s-2", "s-3", "s-4"]);
    expect(c.questions.map((q) => q.section)).toEqual([1, 2, 3, 4, 1]);
  });

  it("refuses a draw that is not a count", () => {
    expect(issuesOf(sample(BODY, pool([1, 2, 3], '<KnowledgeCheck draw="eight">')))).toEqual([
      `${CHECK_LINE}:1 <KnowledgeCheck> draw="eight" must be a whole number from 1 to 100`,
    ]);
  });
});

describe("the attempt policy in the front matter", () => {
  it("defaults to 3 attempts a day, 10 minutes after a failed attempt, review after a pass", () => {
    const c = chapterOf(sample(BODY, pool([1, 2, 3, 1, 2])));
    expect(c.meta).toMatchObject({ attemptsPerDay: 3, cooldownMinutes: 10, review: "after-pass" });
  });

  it("reads the policy and reports a bad value on its key's line", () => {
    const front = FRONT.replace(
      "summary: A sample.\n",
      "summary: A sample.\nattemptsPerDay: 5\nreview: always\n",
    );
    const c = chapterOf(`${front}\n${BODY}\n\n${pool([1, 2, 3, 1, 2])}`);
    expect(c.meta).toMatchObject({ attemptsPerDay: 5, cooldownMinutes: 10, review: "always" });

    const bad = FRONT.replace(
      "summary: A sample.\n",
      "summary: A sample.\ncooldownMinutes: -1\nreview: sometimes\n",
    );
    expect(issuesOf(`${bad}\n${BODY}\n\n${pool([1, 2, 3, 1, 2])}`)).toEqual([
      expect.stringMatching(/^10:1 front matter: cooldownMinutes: /),
      expect.stringMatching(/^11:1 front matter: review: .*"after-pass"/),
    ]);
  });
});

describe("parity between locales", () => {
  const source = chapterOf(sample(BODY, pool([1, 2, 3, 1, 2])));

  it("accepts a translation with the same pool in another order", () => {
    const reordered = { ...source, questions: [...source.questions].reverse() };
    expect(checkParity(source, reordered)).toEqual([]);
  });

  it("reports a different section, type, key, draw, policy and missing or extra questions", () => {
    const translationText = sample(BODY, pool([1, 3, 3, 1, 2], '<KnowledgeCheck draw="1">'))
      .replace('id="q3" type="single"', 'id="q3" type="scenario"')
      .replace(
        '<Option id="a" feedback="No.">A</Option>\n    <Option id="b" correct feedback="Yes.">B</Option>\n  </Question>\n  <Question id="q5"',
        '<Option id="a" correct feedback="No.">A</Option>\n    <Option id="b" feedback="Yes.">B</Option>\n  </Question>\n  <Question id="q5"',
      )
      .replace('id="q5"', 'id="q6"')
      .replace("summary: A sample.\n", "summary: A sample.\ncooldownMinutes: 5\n");
    const translation = chapterOf(translationText);
    const at = (n: number) => questionLine(n) + 1; // one line of front matter more
    const checkLine = translationText.split("\n").findIndex((l) => l.startsWith("<KnowledgeCheck")) + 1;
    expect(checkParity(source, translation).map((i) => `${i.line} ${i.message}`)).toEqual([
      "1 front matter cooldownMinutes differs from the zh-CN source (5 vs 10)",
      `${checkLine} <KnowledgeCheck> draw 1 differs from the zh-CN source's 2`,
      `${checkLine} question "q5" of the zh-CN source (line ${questionLine(5)}) is missing: translate it, or use "copy into English"`,
      `${at(2)} question "q2" tests section 3; in the zh-CN source section 2`,
      `${at(3)} question "q3" is scenario; in the zh-CN source it is single`,
      `${at(4)} question "q4" options (a*,b) differ from the zh-CN source (a,b*; * marks the key)`,
      `${at(5)} question "q6" is not in the zh-CN source`,
    ]);
  });
});
