import type { Element, Root as HastRoot, RootContent } from "hast";
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { compileChapter } from "@/lib/content/compile";
import { parseMdx } from "@/lib/content/parse";
import { renderChapterHtml } from "@/lib/content/render-html";
import { validateScenario } from "@/lib/scenario/validate";
import { labels, sample } from "./content-fixtures";
import { VALID } from "./scenario-fixtures";

/**
 * Trainer-written content is untrusted. Each sample is embedded in an otherwise valid chapter
 * (front matter and knowledge check from the fixtures), whose body starts on line 12.
 */
const BODY_LINE = 12;

type Sample = [name: string, body: string, line: number, message: RegExp];

const EXPRESSION = /JavaScript expressions \{…\} are not allowed/;
const ESM = /import\/export is not allowed in chapter content/;
const SYNTAX = /^MDX syntax: /;
const html = (tag: string) => new RegExp(`HTML tag <${tag}> is not allowed`);
const link = (url: string) =>
  new RegExp(`link "${url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}" must start with https://, / or #`);

const SAMPLES: Sample[] = [
  ["expression: process.exit", "{process.exit(1)}", BODY_LINE, EXPRESSION],
  ["expression: fetch", "{globalThis.fetch('https://evil.example/x')}", BODY_LINE, EXPRESSION],
  [
    "expression: Function constructor",
    "{(()=>0)[['constr','uctor'].join('')]('return process.pid')()}",
    BODY_LINE,
    EXPRESSION,
  ],
  ["expression: global assignment", "{globalThis.__pwned = 1}", BODY_LINE, EXPRESSION],
  ["inline expression", "Hello {globalThis.__pwned = 1} there", BODY_LINE, EXPRESSION],
  ["export", "export const x = 1", BODY_LINE, ESM],
  ["import", "import fs from 'fs'", BODY_LINE, ESM],
  ["<script>", "<script>alert(1)</script>", BODY_LINE, html("script")],
  // Unquoted attribute values are not MDX: the parser refuses the whole file.
  ["<img onerror> (unquoted src)", '<img src=x onerror="alert(1)" />', BODY_LINE, SYNTAX],
  ["<img onerror> (quoted src)", '<img src="x" onerror="alert(1)" />', BODY_LINE, html("img")],
  ["<iframe>", '<iframe src="https://evil.example"></iframe>', BODY_LINE, html("iframe")],
  // The braces in the CSS are an expression the parser cannot read: a syntax error.
  ["<style>", "<style>body{display:none}</style>", BODY_LINE, SYNTAX],
  ["<a href=javascript:>", '<a href="javascript:alert(1)">x</a>', BODY_LINE, html("a")],
  ["javascript: link", "[x](javascript:alert(1))", BODY_LINE, link("javascript:alert(1)")],
  ["JaVaScRiPt: link", "[x](JaVaScRiPt:alert(1))", BODY_LINE, link("JaVaScRiPt:alert(1)")],
  [
    "entity-encoded javascript: link",
    "[x](java&#115;cript:alert(1))",
    BODY_LINE,
    link("javascript:alert(1)"),
  ],
  [
    "data: link",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    BODY_LINE,
    link("data:text/html;base64,PHNjcmlwdD4="),
  ],
  [
    "event handler on a component",
    '<Callout type="tip" onClick="alert(1)">hi</Callout>',
    BODY_LINE,
    /<Callout> has no attribute "onClick"/,
  ],
  [
    "expression attribute",
    '<Callout type="tip" title={alert(1)}>hi</Callout>',
    BODY_LINE,
    /<Callout> title: write a quoted text value, not \{…\}/,
  ],
  ["spread attributes", "<Callout {...props}>hi</Callout>", BODY_LINE, /<Callout>: spread attributes/],
  // The definition, two lines below the reference, carries the URL.
  [
    "reference-style javascript: link",
    "[x][evil]\n\n[evil]: javascript:alert(1)",
    BODY_LINE + 2,
    link("javascript:alert(1)"),
  ],
  // MDX has no autolinks: `<` starts a component, and this one is not a valid name.
  ["autolink <javascript:…>", "<javascript:alert(1)>", BODY_LINE, SYNTAX],
  // Protocol-relative in disguise: browsers read "/\" and "/<tab>/" as "//", i.e. another site.
  ["protocol-relative link", "[x](//evil.example)", BODY_LINE, /leads to another site/],
  ["backslash protocol-relative link", "[x](/\\evil.example)", BODY_LINE, /leads to another site/],
  [
    "tab protocol-relative link",
    "[x](/&#9;/evil.example)",
    BODY_LINE,
    /must not contain a tab or line break/,
  ],
  // Names that exist on Object.prototype must not pass for components or attributes.
  ["<constructor>", "<constructor />", BODY_LINE, html("constructor")],
  ["<__proto__>", "<__proto__ />", BODY_LINE, /unknown component <__proto__>/],
  ["<valueOf>", "<valueOf>hi</valueOf>", BODY_LINE, html("valueOf")],
  [
    "toString attribute",
    '<Callout type="tip" toString="x">hi</Callout>',
    BODY_LINE,
    /<Callout> has no attribute "toString"/,
  ],
];

const SAFE_HREF = /^(https?:\/\/|mailto:|\/(?![/\\])|#)/i;

function elements(nodes: readonly (HastRoot | RootContent)[]): Element[] {
  return nodes.flatMap((n) => [
    ...(n.type === "element" ? [n] : []),
    ...("children" in n ? elements(n.children) : []),
  ]);
}

/** What no rendered chapter may contain, whatever the validator let through. */
function expectSafe(result: { hast: HastRoot; html: string }) {
  const { hast, html: out } = result;
  expect(out).not.toMatch(/<script/i);
  expect(out).not.toMatch(/<iframe/i);
  expect(out).not.toMatch(/<style/i);
  expect(out).not.toMatch(/<(img|object|embed|form|base|meta|link|svg|math)\b/i);
  expect(out).not.toMatch(/\son[a-z]+=/i);
  expect(out).not.toMatch(/javascript:/i);
  expect(out).not.toMatch(/vbscript:/i);
  expect(out).not.toMatch(/data:/i);
  for (const el of elements([hast])) {
    expect(Object.keys(el.properties).filter((k) => /^on/i.test(k))).toEqual([]);
    for (const value of Object.values(el.properties)) {
      expect(String(value)).not.toMatch(/^\s*(javascript|vbscript|data):/i);
    }
    if (el.properties.href !== undefined) {
      expect(String(el.properties.href)).toMatch(SAFE_HREF);
      expect(String(el.properties.href)).not.toMatch(/[\t\n\r]/);
    }
  }
}

describe("untrusted chapter MDX", () => {
  let exit: MockInstance;
  let fetchSpy: MockInstance;

  beforeEach(() => {
    // Throwing stand-ins: if anything did run, the test fails loudly instead of ending the process
    // or reaching the network.
    exit = vi.spyOn(process, "exit").mockImplementation((() => {
      throw new Error("process.exit was called");
    }) as never);
    fetchSpy = vi.spyOn(globalThis, "fetch").mockRejectedValue(new Error("fetch was called"));
  });

  afterEach(() => {
    expect(exit).not.toHaveBeenCalled();
    expect(fetchSpy).not.toHaveBeenCalled();
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
    vi.restoreAllMocks();
  });

  it.each(SAMPLES)("the validator rejects %s on its line", (_, body, line, message) => {
    const r = compileChapter(sample(body), { labels, expect: { slug: "sample", locale: "en" } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toContainEqual(
      expect.objectContaining({ line, message: expect.stringMatching(message) }),
    );
  });

  it.each(SAMPLES)("the renderer, given %s without validation, emits nothing dangerous", (_, body) => {
    const parsed = parseMdx(sample(body));
    if ("issue" in parsed) {
      // Not even a tree: there is nothing the renderer could be handed.
      expect(parsed.issue.line).toBe(BODY_LINE);
      return;
    }
    const result = renderChapterHtml(parsed.tree, labels);
    expectSafe(result);
    // An expression is at most shown as text: had it run, the page would carry its result.
    expect(result.html).not.toMatch(new RegExp(`\\b${process.pid}\\b`));
  });

  it("still renders a safe chapter's links (the checks are not simply dropping everything)", () => {
    const r = compileChapter(
      sample("[a](https://example.com/a) [b](/learn/basic-skills) [c](#s-1) [d](mailto:hr@example.com)"),
      { labels, expect: { slug: "sample", locale: "en" } },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.chapter.html).toContain('href="https://example.com/a"');
    expect(r.chapter.html).toContain('href="/learn/basic-skills"');
    expect(r.chapter.html).toContain('href="#s-1"');
    expect(r.chapter.html).toContain('href="mailto:hr@example.com"');
  });
});

describe("untrusted scenario YAML", () => {
  const hasFunction = (value: unknown): boolean =>
    typeof value === "function" ||
    (typeof value === "object" && value !== null && Object.values(value).some(hasFunction));

  // The yaml package's core schema has no js/* or python/* types: an unknown tag leaves the plain
  // value, which the schema then accepts as text or rejects. Nothing is ever constructed or run.
  it.each([
    ["!!js/function", '!!js/function "function () { globalThis.__pwned = 1 }"'],
    ["!!js/regexp", "!!js/regexp /x/g"],
    ["!!python/object/apply", '!!python/object/apply:os.system ["touch /tmp/pwned"]'],
  ])("keeps a %s tag inert", (_, value) => {
    const r = validateScenario(VALID.replace("feedback: Good.", `feedback: ${value}`));
    if ("scenario" in r) {
      expect(hasFunction(r.scenario)).toBe(false);
      const choice = r.scenario.steps.arrive?.kind === "timed" ? r.scenario.steps.arrive.choices[0] : null;
      expect(typeof choice?.feedback).toBe("string");
    } else {
      expect(r.issues.length).toBeGreaterThan(0);
    }
    expect((globalThis as Record<string, unknown>).__pwned).toBeUndefined();
  });

  it("rejects a __proto__ key without polluting Object.prototype", () => {
    const r = validateScenario(
      VALID.replace("passScore: 70\n", "passScore: 70\n__proto__: { polluted: true }\n"),
    );
    expect("issues" in r && r.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/Unrecognized key: "__proto__"/),
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("stops a billion-laughs alias bomb quickly instead of expanding it", () => {
    const levels = "abcdefghi".split("");
    const bomb = levels
      .map((name, i) =>
        i === 0
          ? `${name}: &${name} ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]`
          : `${name}: &${name} [${Array(9)
              .fill(`*${levels[i - 1]}`)
              .join(",")}]`,
      )
      .join("\n");
    const started = performance.now();
    const outcome = validateScenario(`${bomb}\n${VALID}`);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(outcome).not.toHaveProperty("scenario");
    expect("issues" in outcome && outcome.issues[0]?.message).toMatch(/alias/i);
  });
});
