import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileScenarioSource } from "@/lib/content/catalog";
import { compileChapter } from "@/lib/content/compile";
import { LIMITS } from "@/lib/content/limits";
import { mdxLimitIssues } from "@/lib/content/limits-mdx";
import { yamlLimitIssues } from "@/lib/content/limits-yaml";
import type { ContentIssue, LimitCode } from "@/lib/content/types";
import { labels, sample } from "./content-fixtures";
import { VALID } from "./scenario-fixtures";

/**
 * Issue 17, items 2 and 5: trainer text is untrusted. micromark's cost grows with the square of
 * some counts (the attack run's "*a" × 16,000 took 13 s) and deep nesting overflows the stack.
 * The limits are checked by a linear scan before any parser runs; the sample's body is line 12.
 */
const BODY_LINE = 12;

const compile = (source: string) => compileChapter(source, { labels });
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** The issues of a chapter compile, which must not have parsed anything: refused within `ms`. */
function refusedFast(source: string, ms = 200): ContentIssue[] {
  const started = performance.now();
  const result = compile(source);
  expect(performance.now() - started).toBeLessThan(ms);
  if (result.ok) throw new Error("expected the text to be refused");
  return result.issues;
}

const limit = (code: LimitCode, line: number) =>
  expect.objectContaining({ line, limit: expect.objectContaining({ code }) });

describe("the attack run's texts are refused at once, with their line", () => {
  it.each([
    ['"*a" × 16,000 (32 KB)', "*a".repeat(16_000), "lineChars"],
    ['"*a" × 40,000 (80 KB)', "*a".repeat(40_000), "lineChars"],
    ['"> " × 20,000', "> ".repeat(20_000), "lineChars"],
    ["3,000 nested <Callout> on one line", '<Callout type="tip">'.repeat(3_000), "lineChars"],
  ] as const)("%s", (_, body, code) => {
    expect(refusedFast(sample(body))).toEqual([limit(code, BODY_LINE)]);
  });

  it("3,000 nested <Callout>, one per line, is refused for its length", () => {
    const body = `${'<Callout type="tip">\n'.repeat(3_000)}a\n${"</Callout>\n".repeat(3_000)}`;
    expect(refusedFast(sample(body))).toEqual([limit("lines", LIMITS.lines + 1)]);
  });
});

describe("nesting deeper than 16 levels is refused on the line that goes too deep", () => {
  const nestedLines = (n: number, line: (i: number) => string) =>
    Array.from({ length: n }, (_, i) => line(i)).join("\n");

  it.each([
    ["blockquotes", (n: number) => `${"> ".repeat(n)}a`, 0],
    ["lists on one line", (n: number) => `${"- ".repeat(n)}a`, 0],
    ["ordered lists on one line", (n: number) => `${"1. ".repeat(n)}a`, 0],
    ["lists by indentation", (n: number) => nestedLines(n, (i) => `${"  ".repeat(i)}- a`), 16],
    ["quotes and lists", (n: number) => `${"> - ".repeat(n / 2)}a`, 0],
    [
      "components on one line",
      (n: number) => `${"<Callout type='tip'>".repeat(n)}a${"</Callout>".repeat(n)}`,
      0,
    ],
    [
      "components, one per line",
      (n: number) =>
        `${nestedLines(n, () => '<Callout type="tip">')}\na\n${nestedLines(n, () => "</Callout>")}`,
      16,
    ],
    [
      "components whose attributes hold > and quotes",
      (n: number) => `${'<Callout type="tip" title="a > b, \'c\'">'.repeat(n)}a${"</Callout>".repeat(n)}`,
      0,
    ],
  ] as const)("%s", (_, make, offset) => {
    expect(mdxLimitIssues(sample(make(LIMITS.depth)))).toEqual([]);
    expect(refusedFast(sample(make(40)))).toEqual([limit("depth", BODY_LINE + offset)]);
  });

  it("self-closing and closed components do not add up", () => {
    const flat = `${'<KeyStat value="7" label="s" />\n\n<Callout type="tip">x</Callout>\n\n'.repeat(100)}`;
    expect(mdxLimitIssues(sample(flat))).toEqual([]);
  });

  it("front matter YAML nested too deeply", () => {
    const source = sample("Text.").replace(
      "title: Sample chapter",
      `title: ${"[".repeat(40)}x${"]".repeat(40)}`,
    );
    expect(refusedFast(source)).toEqual([limit("depth", 5)]);
  });
});

describe("each limit names the line it concerns", () => {
  it("size: bytes (counted in UTF-8, so Chinese text counts three times)", () => {
    const issues = refusedFast(sample("中".repeat(45_000)));
    expect(issues).toEqual([
      expect.objectContaining({
        line: 1,
        limit: { code: "bytes", max: LIMITS.bytes, found: expect.any(Number) },
      }),
    ]);
    expect(mdxLimitIssues(sample("a".repeat(4_000).concat("\n\n").repeat(30)))).toEqual([]);
  });

  it("lines and line length", () => {
    expect(refusedFast(sample("a\n".repeat(LIMITS.lines)))).toEqual([limit("lines", LIMITS.lines + 1)]);
    expect(refusedFast(sample(`ok\n\n${"字".repeat(LIMITS.lineChars + 1)}`))).toEqual([
      expect.objectContaining({ line: BODY_LINE + 2, limit: expect.objectContaining({ found: 5_001 }) }),
    ]);
  });

  it("formatting marks in one paragraph, reported at its first line", () => {
    const paragraph = `Intro.\n${"*a* ".repeat(60)}\n${"_b_ ".repeat(60)}`;
    expect(refusedFast(sample(`Before.\n\n${paragraph}`))).toEqual([
      expect.objectContaining({
        line: BODY_LINE + 2,
        limit: { code: "paragraphMarks", max: 200, found: 240 },
      }),
    ]);
    // The same marks in list items are separate paragraphs: fine.
    expect(mdxLimitIssues(sample(`- ${"*a* ".repeat(30)}\n`.repeat(4)))).toEqual([]);
  });

  it("formatting marks in the whole text", () => {
    const paragraphs = `${"**a** [b](/c) `d` ".repeat(12)}\n\n`.repeat(30);
    expect(refusedFast(sample(paragraphs))).toContainEqual(
      expect.objectContaining({ limit: expect.objectContaining({ code: "marks" }) }),
    );
  });

  it("list items and quoted lines", () => {
    const issues = refusedFast(sample("- a\n".repeat(LIMITS.containers + 1)));
    expect(issues).toEqual([limit("containers", BODY_LINE + LIMITS.containers)]);
  });

  it("lines of one quoted paragraph", () => {
    expect(refusedFast(sample(`> a\n${"b\n".repeat(LIMITS.quoteLines)}`))).toEqual([
      limit("quoteLines", BODY_LINE),
    ]);
  });

  it("setext headings", () => {
    const headings = "Title\n---\n\n".repeat(LIMITS.setext + 1);
    expect(refusedFast(sample(headings))).toEqual([limit("setext", BODY_LINE + 3 * LIMITS.setext + 1)]);
  });
});

describe("the shipped curriculum is far from every limit", () => {
  it.each(readdirSync("content/chapters"))("%s", (name) => {
    expect(mdxLimitIssues(readFileSync(`content/chapters/${name}`, "utf8"))).toEqual([]);
  });
  it.each(readdirSync("content/scenarios").filter((n) => n.endsWith(".yaml")))("%s", (name) => {
    expect(yamlLimitIssues(readFileSync(`content/scenarios/${name}`, "utf8"))).toEqual([]);
  });
});

describe("scenario YAML", () => {
  // Deep flow collections overflow the yaml parser's stack; near its end, V8 can even abort the
  // whole process ("RegExpCompiler Allocation failed"), so they must never reach it.
  it.each([
    ["flow sequences", `x: ${"[".repeat(3_000)}${"]".repeat(3_000)}`, 1, "lineChars"],
    ["flow maps after an anchor and a tag", `x: &a !t ${"{a: ".repeat(40)}1${"}".repeat(40)}`, 1, "depth"],
    ["flow sequences over lines", `x: [\n  "y\n  z",\n  ${"[".repeat(40)}\n]`, 4, "depth"],
    ["block maps", Array.from({ length: 40 }, (_, i) => `${"  ".repeat(i)}a:`).join("\n"), 18, "depth"],
    ["block sequences", `x:\n  ${"- ".repeat(40)}a`, 2, "depth"],
  ] as const)("refuses deep %s on their line", (_, yaml, line, code) => {
    const started = performance.now();
    const result = compileScenarioSource(
      `${VALID}\n${yaml}\n`.replace(/^/, ""),
      "sample",
      "en",
      `t-${line}-${code}`,
    );
    expect(performance.now() - started).toBeLessThan(200);
    const shifted = VALID.split("\n").length + line;
    expect("issues" in result && result.issues).toEqual([limit(code, shifted)]);
  });

  it("keeps brackets in text and quotes out of the count", () => {
    const yaml = `x: "${"[".repeat(40)}"\ny: it's ${"[".repeat(40)}\nz: 请按[确认]键`;
    expect(yamlLimitIssues(`${VALID}\n${yaml}\n`)).toEqual([]);
  });
});

describe("what the limits allow stays cheap", () => {
  /** As many copies of `block` as the limits allow. */
  function worst(block: string) {
    let text = sample("");
    for (let step = 64; step >= 1; ) {
      const next = text + block.repeat(step);
      if (mdxLimitIssues(next).length === 0) text = next;
      else step = Math.floor(step / 2);
    }
    return text;
  }

  // The slowest families measured (0.1–0.4 s each on a busy 2-core machine); before the limits,
  // texts of this size took from seconds to minutes. A budget of CPU time, not wall time, so that
  // other processes on the machine do not count.
  it.each([
    ["emphasis", `${"*a".repeat(100)}\n\n`],
    ["mixed emphasis", `${"*a_".repeat(66)}\n\n`],
    ["nested links", `${"[".repeat(100)}a${"](b)".repeat(100)}\n\n`],
    ["lazy quote lines", `> a\n${"b\n".repeat(48)}\n`],
    ["nested lists", `${Array.from({ length: 15 }, (_, i) => `${"  ".repeat(i)}- a`).join("\n")}\n\n`],
    ["setext headings", "a\n---\n\n"],
    ["wide tables", `${"|a".repeat(600)}\n${"|-".repeat(600)}\n${"|a".repeat(600)}\n\n`],
    ["attributes", `<Callout type="tip" ${'title="x" '.repeat(400)}>a</Callout>\n\n`],
  ])("%s", (_, block) => {
    const text = worst(block);
    const started = cpuMs();
    compile(text);
    expect(cpuMs() - started).toBeLessThan(1_500);
  });
});
