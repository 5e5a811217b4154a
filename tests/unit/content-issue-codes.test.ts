import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { issueText } from "@/components/author/issue-text";
import { checkItem, hasIssues } from "@/lib/content/check-item";
import { copyQuestionsInto } from "@/lib/content/copy-questions";
import { ISSUE_CODES, ISSUE_TEXT } from "@/lib/content/issue-codes";
import type { ContentIssue } from "@/lib/content/types";
import en from "@/messages/en.json" with { type: "json" };
import zhCN from "@/messages/zh-CN.json" with { type: "json" };
import { CHECK, FRONT } from "./content-fixtures";

const translators = {
  "zh-CN": createTranslator({ locale: "zh-CN", messages: zhCN, namespace: "authoring.editor" }),
  en: createTranslator({ locale: "en", messages: en, namespace: "authoring.editor" }),
};
type Translate = Parameters<typeof issueText>[0];
const say = (locale: keyof typeof translators, issue: ContentIssue) =>
  issueText(translators[locale] as unknown as Translate, issue);

// Every param any code uses, so each message formats whatever it names.
const PARAMS: Record<string, string | number> = {
  ...Object.fromEntries(
    [
      "detail path found expected name allowed parent attribute value slug known url draw id question",
      "section sections option type count needed title key sourceLine competency step target start loop",
    ]
      .join(" ")
      .split(" ")
      .map((k) => [k, k === "count" || k === "sections" ? 3 : `«${k}»`]),
  ),
  what: "option",
};

describe("content issue codes", () => {
  it("has a message for every code in both locales, and each formats with its params", () => {
    for (const messages of [zhCN, en]) {
      expect(Object.keys(messages.authoring.editor.issueCode).sort()).toEqual([...ISSUE_CODES].sort());
    }
    for (const code of ISSUE_CODES) {
      const english = ISSUE_TEXT[code](PARAMS);
      for (const locale of ["zh-CN", "en"] as const) {
        const text = say(locale, { line: 1, column: 1, message: english, code, params: PARAMS });
        expect(text, `${locale} ${code}`).not.toMatch(/[{}]|issueCode/);
        // Whatever the English names (ids, values), the translation names too.
        for (const [key, value] of Object.entries(PARAMS))
          if (typeof value === "string" && value.startsWith("«") && english.includes(value))
            expect(text, `${locale} ${code} ${key}`).toContain(value);
      }
    }
  });

  const zh = FRONT.replace("locale: en", "locale: zh-CN");
  const body = "## One\n\nText.\n\n";
  const newQuestion = `  <Question id="q9" type="single" section="1" prompt="新题？">
    <Option id="a" feedback="对。">甲</Option>
    <Option id="b" feedback="错。">乙</Option>
  </Question>
`;
  const zhSource = `${zh}\n${body}${CHECK.replace("</KnowledgeCheck>", `${newQuestion}</KnowledgeCheck>`)}`;
  const enSource = `${FRONT}\n${body}${CHECK}`;
  const item = {
    kind: "chapter" as const,
    slug: "sample",
    version: "t",
    sources: { "zh-CN": zhSource, en: enSource },
  };

  it("words a Chinese error in Chinese and lists English's missing question with it, at its places", () => {
    const issues = checkItem(item, new Map());
    const zhLine = zhSource.split("\n").findIndex((l) => l.includes('id="q9"')) + 1;
    const enCheckLine = enSource.split("\n").findIndex((l) => l.startsWith("<KnowledgeCheck")) + 1;
    expect(issues["zh-CN"]?.map((i) => [i.line, i.code, say("zh-CN", i)])).toEqual([
      [zhLine, "noCorrect", "题目“q9”没有正确选项（请用 correct 标出一个）。"],
    ]);
    // content:check keeps its English line.
    expect(issues["zh-CN"]?.[0]?.message).toBe('question "q9" has no correct option (mark one with correct)');
    expect(issues.en?.map((i) => [i.line, i.code, say("zh-CN", i)])).toEqual([
      [
        enCheckLine,
        "questionMissing",
        `缺少题目“q9”（中文版第 ${zhLine} 行）。请翻译，或先复制过来并标记为未翻译。`,
      ],
    ]);
  });

  it("copies the missing question into English marked untranslated, which keeps parity but blocks publishing", () => {
    const fixed = zhSource.replace(
      '<Option id="a" feedback="对。">',
      '<Option id="a" correct feedback="对。">',
    );
    const missing = checkItem({ ...item, sources: { "zh-CN": fixed, en: enSource } }, new Map()).en ?? [];
    const lines = missing.map((i) => Number(i.params?.sourceLine));
    const copied = copyQuestionsInto(fixed, enSource, lines) as string;
    expect(copied).toContain('<Question untranslated id="q9"');
    expect(copied.trimEnd().endsWith("</KnowledgeCheck>")).toBe(true);
    const after = checkItem({ ...item, sources: { "zh-CN": fixed, en: copied } }, new Map());
    expect(after["zh-CN"]).toBeUndefined();
    expect(after.en?.map((i) => [i.line, i.code])).toEqual([
      [copied.split("\n").findIndex((l) => l.includes('id="q9"')) + 1, "untranslated"],
    ]);
    expect(hasIssues(after)).toBe(true);
    // Translated and unmarked, it publishes.
    const translated = copied.replace("<Question untranslated", "<Question");
    expect(hasIssues(checkItem({ ...item, sources: { "zh-CN": fixed, en: translated } }, new Map()))).toBe(
      false,
    );
  });

  it("refuses the mark in the Chinese source, and offers nothing without a check to copy into", () => {
    const marked = zhSource
      .replace('<Option id="a" feedback="对。">', '<Option id="a" correct feedback="对。">')
      .replace('<Question id="q9"', '<Question untranslated id="q9"');
    const issues = checkItem({ ...item, sources: { "zh-CN": marked } }, new Map());
    expect(issues["zh-CN"]?.map((i) => i.code)).toEqual(["untranslatedInSource"]);
    expect(copyQuestionsInto(marked, "no check here", [1])).toBeNull();
  });
});
