import { CST, Lexer } from "yaml";
import { LIMITS, LimitIssues, sizeIssues } from "./limits";
import type { ContentIssue } from "./types";

/**
 * Nesting of a YAML text, checked without building it: block nesting estimated from each line's
 * indentation and `- ` markers, flow nesting ([ { } ]) counted exactly from the yaml lexer's tokens
 * (quoted and plain scalars are single tokens, so a bracket inside text does not count). Deeply
 * nested YAML overflows the parser's stack. `firstLine` is the file line of the text's first line.
 */
export function yamlDepthIssues(lines: readonly string[], firstLine: number, issues: LimitIssues) {
  lines.forEach((text, i) => {
    let at = 0;
    while (text[at] === " ") at++;
    let dashes = 0;
    while (text[at] === "-" && (at + 1 === text.length || text[at + 1] === " ")) {
      dashes++;
      at++;
      while (text[at] === " ") at++;
    }
    const depth = Math.floor((at - dashes) / 2) + dashes;
    if (depth > LIMITS.depth) issues.add("depth", firstLine + i);
  });
  if (issues.full) return;

  let flow = 0;
  let line = firstLine;
  for (const token of new Lexer().lex(lines.join("\n"))) {
    const type = CST.tokenType(token);
    if (type === "flow-map-start" || type === "flow-seq-start") {
      flow++;
      if (flow > LIMITS.depth) {
        issues.add("depth", line);
        return;
      }
    } else if (type === "flow-map-end" || type === "flow-seq-end") flow = Math.max(0, flow - 1);
    // Line breaks are newline tokens, or inside a multi-line scalar's token.
    for (let i = token.indexOf("\n"); i >= 0; i = token.indexOf("\n", i + 1)) line++;
  }
}

/** The limits a scenario's YAML must keep before it is parsed. */
export function yamlLimitIssues(source: string): ContentIssue[] {
  const issues = new LimitIssues();
  const lines = sizeIssues(source, issues);
  if (lines) yamlDepthIssues(lines, 1, issues);
  return issues.list;
}
