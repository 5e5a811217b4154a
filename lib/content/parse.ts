import type { Root } from "mdast";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { VFileMessage } from "vfile-message";
import { coded } from "./issue-codes";
import type { ContentIssue } from "./types";
import "mdast-util-mdx";

const processor = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm).use(remarkMdx);

/** MDX source to its syntax tree. Nothing is compiled or evaluated; a syntax error becomes an issue. */
export function parseMdx(source: string): { tree: Root } | { issue: ContentIssue } {
  try {
    return { tree: processor.parse(source) };
  } catch (e) {
    if (e instanceof VFileMessage) {
      // Some micromark errors carry their place only inside the reason text: "… (14:1-14:21)".
      const inText = /\((\d+):(\d+)(?:-\d+:\d+)?\)$/.exec(e.reason);
      const start = e.place && "start" in e.place ? e.place.start : e.place;
      const line = e.line ?? start?.line ?? Number(inText?.[1] ?? 1);
      const column = e.column ?? start?.column ?? Number(inText?.[2] ?? 1);
      const reason = inText ? e.reason.slice(0, inText.index).trimEnd() : e.reason;
      return { issue: { line, column, ...coded("mdxSyntax", { detail: reason }) } };
    }
    throw e;
  }
}
