import { describe, expect, it } from "vitest";
import { compileChapter } from "@/lib/content/compile";
import { CHECK, FRONT, labels, sample } from "./content-fixtures";

const compile = (source: string) =>
  compileChapter(source, { labels, expect: { slug: "sample", locale: "en" } });
const issuesOf = (source: string) => {
  const r = compile(source);
  if (r.ok) throw new Error("expected issues");
  return r.issues.map((i) => `${i.line}:${i.column} ${i.message}`);
};

describe("compileChapter", () => {
  it("compiles a valid chapter: meta, toc, questions with keys, html without keys", () => {
    const r = compile(
      sample(
        '## First\n\nText.\n\n<Callout type="tip" title="Mind">\n\nSmile.\n\n</Callout>\n\n## Second\n\nMore.',
      ),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.chapter.meta).toMatchObject({ slug: "sample", passScore: 80, estimatedMinutes: 10 });
    expect(r.chapter.toc).toEqual([
      { id: "s-1", title: "First" },
      { id: "s-2", title: "Second" },
    ]);
    expect(r.chapter.questions.map((q) => q.options.filter((o) => o.correct).map((o) => o.id))).toEqual([
      ["b"],
      ["a", "c"],
      ["true"],
    ]);
    expect(r.chapter.html).toContain('<h2 id="s-1">First</h2>');
    expect(r.chapter.html).toContain('class="mdx-box mdx-callout-tip"');
    expect(r.chapter.html).not.toMatch(/correct|feedback|7 seconds/i);
    expect(r.chapter.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it("reports an MDX syntax error on its line", () => {
    expect(issuesOf(sample('Line one.\n\n<Callout type="tip">\n\nnever closed'))[0]).toMatch(
      /^14:\d+ MDX syntax/,
    );
  });

  it("rejects JavaScript, imports, HTML tags and unknown components with their lines", () => {
    const issues = issuesOf(
      sample(
        'import x from "y"\n\nHello {alert(1)}\n\n<script>alert(1)</script>\n\n<Chart data="1" />\n\n<Callout type={"tip"}>\n\nx\n\n</Callout>',
      ),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^12:1 import\/export is not allowed/),
        expect.stringMatching(/^14:7 JavaScript expressions/),
        expect.stringMatching(/^16:1 HTML tag <script>/),
        expect.stringMatching(/^18:1 unknown component <Chart>/),
        expect.stringMatching(/^20:1 <Callout> type: write a quoted text value/),
      ]),
    );
  });

  it("rejects unsafe links, images, level-1 headings, bad attribute values", () => {
    const issues = issuesOf(
      sample(
        '# Title\n\n[x](javascript:alert(1))\n\n![p](https://e.com/a.png)\n\n<Callout type="danger">\n\nx\n\n</Callout>\n\n<KeyStat value="7" />',
      ),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^12:1 use ## for a section heading/),
        expect.stringMatching(/^14:1 link "javascript:alert\(1\)"/),
        expect.stringMatching(/^16:1 images are not supported/),
        expect.stringMatching(/^18:1 <Callout> type="danger" must be one of/),
        expect.stringMatching(/^24:1 <KeyStat> needs a non-empty label/),
      ]),
    );
  });

  it("reports front matter problems on the key's line", () => {
    const broken = FRONT.replace("passScore: 80", "passScore: 180").replace("order: 1\n", "");
    const issues = issuesOf(`${broken}\nBody.\n\n${CHECK}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^6:1 front matter: passScore/),
        expect.stringMatching(/front matter: order/),
      ]),
    );
    expect(issuesOf(sample("x").replace("slug: sample", "slug: other"))).toEqual(
      expect.arrayContaining([expect.stringMatching(/slug "other" does not match the file name/)]),
    );
  });

  it("enforces knowledge-check rules with line numbers", () => {
    const check = `<KnowledgeCheck>
  <Question id="q1" type="single" prompt="One option only">
    <Option id="a" correct feedback="f">A</Option>
  </Question>
  <Question id="q1" type="single" prompt="Duplicate id, two correct">
    <Option id="a" correct feedback="f">A</Option>
    <Option id="a" correct feedback="f">B</Option>
  </Question>
  <Question id="q3" type="multiple" prompt="None correct">
    <Option id="a" feedback="f">A</Option>
    <Option id="b">B</Option>
  </Question>
  <Question id="q4" type="truefalse" prompt="Wrong ids">
    <Option id="yes" correct feedback="f">Yes</Option>
    <Option id="no" feedback="f">No</Option>
  </Question>
</KnowledgeCheck>`;
    const issues = issuesOf(sample("Body.", check));
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^15:3 question "q1" needs at least 2 options/),
        expect.stringMatching(/^18:3 duplicate question id "q1"/),
        expect.stringMatching(/^20:5 question "q1": duplicate option id "a"/),
        expect.stringMatching(/^18:3 question "q1" is single but has 2 correct options/),
        expect.stringMatching(/^22:3 question "q3" has no correct option/),
        expect.stringMatching(/^24:5 <Option> needs a non-empty feedback/),
        expect.stringMatching(
          /^26:3 question "q4" is truefalse: its options must have ids "true" and "false"/,
        ),
      ]),
    );
    expect(issuesOf(sample("Body.", ""))).toEqual(["1:1 the chapter has no <KnowledgeCheck>"]);
  });
});
