import { describe, expect, it } from "vitest";
import { fileCatalog } from "@/lib/content/catalog";
import { queryTerms, searchSections } from "@/lib/search/match";
import { catalogSections, chapterSections, htmlText } from "@/lib/search/sections";

const html =
  '<p>导语</p><h2 id="s-1">第一印象</h2><p>抬头微笑，与客户目光接触。</p>' +
  '<h2 id="s-2">主动倾听</h2><p>复述要点 &#x26; 请客户确认。提高服务的效率。</p><p>ATM &amp; counter</p>';
const sections = chapterSections({
  slug: "basic-skills",
  chapterTitle: "基本功",
  html,
  toc: [
    { id: "s-1", title: "第一印象" },
    { id: "s-2", title: "主动倾听" },
  ],
});

describe("chapter sections", () => {
  it("splits at the level-2 headings and keeps the text as plain text", () => {
    expect(sections.map((s) => s.sectionId)).toEqual(["s-1", "s-2"]);
    expect(sections[0]?.text).toBe("导语 抬头微笑，与客户目光接触。");
    expect(sections[1]?.text).toBe("复述要点 & 请客户确认。提高服务的效率。 ATM & counter");
  });
  it("decodes entities and drops tags", () => {
    expect(htmlText("<p>a &lt;b&gt; &#20320;<em>好</em></p>")).toBe("a <b> 你 好");
  });
});

describe("searchSections", () => {
  it("finds a Chinese phrase and links it to its section, with a marked snippet", () => {
    const [hit, ...rest] = searchSections(sections, "目光接触");
    expect(rest).toEqual([]);
    expect(hit?.sectionId).toBe("s-1");
    expect(hit?.snippet.match).toBe("目光接触");
    expect(`${hit?.snippet.before}${hit?.snippet.match}${hit?.snippet.after}`).toContain("与客户目光接触");
  });
  it("matches a Chinese term by its two-character pieces when the exact run is not there", () => {
    expect(searchSections(sections, "服务效率").map((h) => h.sectionId)).toEqual(["s-2"]);
    expect(searchSections(sections, "服务质量")).toEqual([]);
  });
  it("needs every term, ignores case and full-width letters, and ranks title matches first", () => {
    expect(searchSections(sections, "ＡＴＭ counter").map((h) => h.sectionId)).toEqual(["s-2"]);
    expect(searchSections(sections, "atm 微笑")).toEqual([]);
    const both = searchSections(
      [
        ...sections,
        { ...sections[0], sectionId: "s-9", sectionTitle: "其他", text: "主动倾听很重要" } as never,
      ],
      "主动倾听",
    );
    expect(both.map((h) => h.sectionId)).toEqual(["s-2", "s-9"]);
  });
  it("marks the match in a text whose punctuation NFKC would lengthen", () => {
    const [hit] = searchSections([{ ...sections[0], text: "稍等……请您先抬头微笑。" } as never], "微笑");
    expect(hit?.snippet).toEqual({ before: "稍等……请您先抬头", match: "微笑", after: "。" });
  });
  it("treats punctuation as a separator and an empty query as no search", () => {
    expect(queryTerms("  微笑，目光!! ")).toEqual(["微笑", "目光"]);
    expect(searchSections(sections, " ，。 ")).toEqual([]);
  });
});

describe("catalogSections", () => {
  it("covers the shipped chapters in both languages", () => {
    const catalog = fileCatalog();
    for (const locale of ["zh-CN", "en"] as const) {
      const all = catalogSections(catalog, locale);
      expect(new Set(all.map((s) => s.slug)).size).toBe(catalog.chapterSlugs().length);
      expect(all.every((s) => /^s-\d+$/.test(s.sectionId) && s.text.length > 0)).toBe(true);
      expect(catalogSections(catalog, locale)).toBe(all);
    }
    expect(searchSections(catalogSections(catalog, "en"), "listening").length).toBeGreaterThan(0);
  });
});
