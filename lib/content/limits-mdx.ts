import { LIMITS, LimitIssues, sizeIssues } from "./limits";
import { yamlDepthIssues } from "./limits-yaml";
import type { ContentIssue } from "./types";

const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const FRONT_MATTER_END = /^---[ \t]*$/;
/** Longest opening tag followed while looking for its end; anything longer is not counted as one. */
const MAX_TAG = 2_000;

/**
 * How deep a line opens containers, over-estimated: the quote and list markers that start it plus
 * half of its indentation (a nested list item is indented by at least two per level; the one space
 * after a marker does not count). A line without markers opens nothing (it continues what earlier
 * lines opened), so it counts 0.
 */
export function containerDepth(line: string): number {
  let markers = 0;
  let columns = 0;
  let i = 0;
  while (i < line.length) {
    const c = line[i] as string;
    let marker = 0;
    if (c === " ") columns++;
    else if (c === "\t") columns += 4;
    else if (c === ">") marker = 1;
    else if ((c === "-" || c === "+" || c === "*") && /^.(?:[ \t]|$)/.test(line.slice(i, i + 2))) marker = 1;
    else marker = /^\d{1,9}[.)](?=[ \t]|$)/.exec(line.slice(i, i + 11))?.[0].length ?? 0;
    if (marker === 0 && c !== " " && c !== "\t") break;
    if (marker > 0) {
      markers++;
      i += marker;
      if (line[i] === " ") i++;
      continue;
    }
    i++;
  }
  return markers === 0 ? 0 : markers + Math.floor(columns / 2);
}

/** The end (index of `>`) of a JSX opening tag whose name ends at `from`, or -1 if it is not one. */
function tagEnd(source: string, from: number): number {
  let quote = "";
  const stop = Math.min(source.length, from + MAX_TAG);
  for (let i = from; i < stop; i++) {
    const c = source[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return i;
    else if (c === "<") return -1;
  }
  return -1;
}

/**
 * Offset of the first component opened deeper than the limit, or -1. Closing tags pop back to
 * their own name, so a tag this scan misreads cannot pile up. Linear: every tag is read once.
 */
export function jsxTooDeep(source: string): number {
  const tag = /<(\/?)([A-Za-z_$][\w$.:-]*)/g;
  const open: string[] = [];
  for (let m = tag.exec(source); m; m = tag.exec(source)) {
    const name = m[2] as string;
    if (m[1]) {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
      continue;
    }
    const end = tagEnd(source, tag.lastIndex);
    if (end < 0) continue;
    tag.lastIndex = end + 1;
    if (source[end - 1] === "/") continue;
    open.push(name);
    if (open.length > LIMITS.depth) return m.index;
  }
  return -1;
}

/** Marks whose matching is quadratic within a paragraph: emphasis, strikethrough, links, code. */
const INLINE_MARKS = new Set(["*", "_", "~", "[", "]", "`"]);
/** Further costly marks (table cells, components, entities, e-mail links), with www. and :// (links). */
const MARKS = new Set(["|", "<", "&", "@"]);
/** A line that starts a new paragraph: a bullet item, or an ordered one numbered 1 (after any quote markers). */
const NEW_ITEM = /^[ \t>]*(?:[-+*]|1[.)])[ \t]+\S/;

/**
 * Every limit of a chapter's MDX, with the line it concerns, from one pass over the text. A
 * paragraph here is a run of lines without a blank line or a list item between them: an
 * over-estimate, as a table or a component's children count as one.
 */
export function mdxLimitIssues(source: string): ContentIssue[] {
  const issues = new LimitIssues();
  const lines = sizeIssues(source, issues);
  if (!lines) return issues.list;

  let body = 0;
  if (FRONT_MATTER_END.test(lines[0] ?? "")) {
    const end = lines.findIndex((l, i) => i > 0 && FRONT_MATTER_END.test(l));
    if (end > 0) {
      yamlDepthIssues(lines.slice(1, end), 2, issues);
      body = end + 1;
    }
  }

  let paragraph = { start: 0, marks: 0, quoteLines: 0 };
  const close = () => {
    if (paragraph.marks > LIMITS.paragraphMarks)
      issues.add("paragraphMarks", paragraph.start, paragraph.marks);
    paragraph = { start: 0, marks: 0, quoteLines: 0 };
  };
  let marks = 0;
  let containers = 0;
  let setext = 0;
  for (let i = body; i < lines.length && !issues.full; i++) {
    const text = lines[i] as string;
    const line = i + 1;
    if (!text.trim()) {
      close();
      continue;
    }
    if (paragraph.start > 0 && SETEXT_UNDERLINE.test(text) && ++setext > LIMITS.setext)
      issues.add("setext", line);
    if (NEW_ITEM.test(text)) close();
    if (paragraph.start === 0) paragraph.start = line;

    const depth = containerDepth(text);
    if (depth > LIMITS.depth) issues.add("depth", line);
    if (depth > 0 && ++containers > LIMITS.containers) issues.add("containers", line);
    if (paragraph.quoteLines > 0 || /^[ \t]*>/.test(text)) {
      if (++paragraph.quoteLines > LIMITS.quoteLines) issues.add("quoteLines", paragraph.start);
    }
    for (let c = 0; c < text.length; c++) {
      const code = text.charCodeAt(c);
      if (code > 126) continue; // letters of Chinese text are by far the most
      const char = text[c] as string;
      if (INLINE_MARKS.has(char)) {
        marks++;
        paragraph.marks++;
      } else if (
        MARKS.has(char) ||
        (char === "w" && text.startsWith("www.", c)) ||
        (char === ":" && text.startsWith("://", c))
      )
        marks++;
    }
    if (marks > LIMITS.marks) issues.add("marks", line);
  }
  close();

  const deep = issues.full ? -1 : jsxTooDeep(source);
  if (deep >= 0) issues.add("depth", source.slice(0, deep).split("\n").length);
  return issues.list.sort((a, b) => a.line - b.line);
}
