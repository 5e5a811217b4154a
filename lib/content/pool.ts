import type { Heading, Nodes, Root } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import { coded } from "./issue-codes";
import type { ContentIssue, Question } from "./types";
import { at, isJsx } from "./validate";

/** How many questions an attempt draws when `<KnowledgeCheck>` does not say. */
export const DEFAULT_DRAW = 8;
/** A pool must hold at least this many times the draw, so attempts differ. */
export const POOL_FACTOR = 2.5;

export type Section = { number: number; title: string; line: number };

/**
 * The chapter's `##` sections in reading order, numbered as the rendered page numbers them
 * (anchors s-1, s-2…): every level-2 heading outside the knowledge check, nested ones included.
 */
export function sectionsOf(root: Root): Section[] {
  const sections: Section[] = [];
  const walk = (node: Nodes) => {
    if (isJsx(node) && node.name === "KnowledgeCheck") return;
    if (node.type === "heading" && node.depth === 2) {
      sections.push({
        number: sections.length + 1,
        title: textOf(node as Heading),
        line: node.position?.start.line ?? 1,
      });
    }
    if ("children" in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(root);
  return sections;
}

/** A `section="…"` value as a section number, or null when it is not a positive whole number. */
export function parseSection(value: string): number | null {
  return /^[1-9]\d{0,2}$/.test(value) ? Number(value) : null;
}

/** A `draw="…"` value as a count, or null when it is not a whole number from 1 to 100. */
export function parseDraw(value: string): number | null {
  const n = /^[1-9]\d{0,2}$/.test(value) ? Number(value) : Number.NaN;
  return n <= 100 ? n : null;
}

/**
 * The rules of a question pool, for a `<KnowledgeCheck>` (node `check`) that declares its draw:
 * the pool holds at least 2.5 × draw questions and every section is tested by at least one
 * question. (That each question names an existing section is checked as the questions are read.)
 */
export function checkPool(
  check: Nodes,
  draw: number,
  questions: readonly Question[],
  sections: readonly Section[],
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const needed = Math.ceil(POOL_FACTOR * draw);
  if (questions.length < needed)
    issues.push(at(check, "smallPool", { count: questions.length, draw, needed }));
  const tested = new Set(questions.map((q) => q.section));
  for (const s of sections) {
    if (!tested.has(s.number))
      issues.push({
        line: s.line,
        column: 1,
        ...coded("untestedSection", { section: s.number, title: s.title }),
      });
  }
  return issues;
}
