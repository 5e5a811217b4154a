import { createHash } from "node:crypto";
import { parseFrontMatter } from "./front-matter";
import { coded } from "./issue-codes";
import { extractKnowledgeCheck } from "./knowledge-check";
import { mdxLimitIssues } from "./limits-mdx";
import { parseMdx } from "./parse";
import { type ComponentLabels, renderChapterHtml, type ScenarioCards } from "./render-html";
import type { ChapterMeta, CompileResult, ContentIssue } from "./types";
import { validateTree } from "./validate";

export type CompileOptions = {
  labels: ComponentLabels;
  /** When compiling a file, the slug and locale its name promises. */
  expect?: { slug: string; locale: string };
  knownScenarios?: readonly string[];
  scenarios?: ScenarioCards;
};

export function contentVersion(source: string): string {
  return createHash("sha256").update(source).digest("hex").slice(0, 16);
}

/**
 * The one content pipeline for shipped and trainer-written chapters: limits → parse → validate →
 * extract the knowledge check → render HTML through the component whitelist. No code is evaluated.
 */
export function compileChapter(source: string, options: CompileOptions): CompileResult {
  const limited = mdxLimitIssues(source);
  if (limited.length > 0) return { ok: false, issues: limited };
  const parsed = parseMdx(source);
  if ("issue" in parsed) return { ok: false, issues: [parsed.issue] };
  const { tree } = parsed;

  const issues: ContentIssue[] = [];
  let meta: ChapterMeta | undefined;
  const yaml = tree.children[0]?.type === "yaml" ? tree.children[0] : undefined;
  if (!yaml) {
    issues.push({
      line: 1,
      column: 1,
      ...coded("frontMatterMissing"),
    });
  } else {
    const fm = parseFrontMatter(yaml.value, yaml.position?.start.line ?? 1);
    if ("issues" in fm) issues.push(...fm.issues);
    else meta = fm.meta;
  }
  if (meta && options.expect) {
    if (meta.slug !== options.expect.slug) {
      issues.push({
        line: 2,
        column: 1,
        ...coded("slugMismatch", { found: meta.slug, expected: options.expect.slug }),
      });
    }
    if (meta.locale !== options.expect.locale) {
      issues.push({
        line: 2,
        column: 1,
        ...coded("localeMismatch", { found: meta.locale, expected: options.expect.locale }),
      });
    }
  }
  issues.push(...validateTree(tree, options.knownScenarios));
  const check = extractKnowledgeCheck(tree);
  issues.push(...check.issues);

  const checkLine = check.line;
  if (issues.length > 0 || !meta) {
    const partial = { meta: meta ?? null, draw: check.draw, questions: check.questions, checkLine };
    return { ok: false, issues: issues.sort((a, b) => a.line - b.line || a.column - b.column), partial };
  }
  const { html, segments, toc } = renderChapterHtml(tree, options.labels, options.scenarios);
  return {
    ok: true,
    chapter: {
      meta,
      version: contentVersion(source),
      html,
      segments,
      toc,
      draw: check.draw,
      questions: check.questions,
      checkLine,
    },
  };
}
