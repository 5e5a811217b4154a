import type { ContentIssue, LimitCode } from "./types";

/**
 * How much work one trainer-written source may cause. Trainer MDX and YAML are untrusted: the
 * parsers' cost grows with the square of some counts and very deep nesting overflows the stack
 * (measured with micromark 4 and yaml 2, see tests/unit/content-limits.test.ts). Every limit is
 * checked in one linear scan before a parser runs, and sits far above what the shipped curriculum
 * uses (in brackets), so no real module meets one.
 */
export const LIMITS = {
  /** UTF-8 bytes per source (largest shipped: 59 KB). */
  bytes: 128 * 1024,
  /** Lines per source (371): flow blocks cost more the more of them precede. */
  lines: 1_500,
  /** Characters per line (1,007). */
  lineChars: 5_000,
  /** Levels of quotes, lists and components inside each other; of YAML maps, lists and [ { (6). */
  depth: 16,
  /** Formatting marks * _ ~ [ ] ` | < & @, www. and :// per source (370): each costs far more than a letter. */
  marks: 2_000,
  /** The same marks in one paragraph (20): matching them is quadratic within a paragraph. */
  paragraphMarks: 200,
  /** List items and quoted lines per source (48): closing each rewrites the parser's event list. */
  containers: 300,
  /** Lines of one paragraph inside a blockquote (none): each lazy line rescans the paragraph. */
  quoteLines: 50,
  /** Headings underlined with === or --- (none: chapters use ##): each rescans the document. */
  setext: 20,
} as const satisfies Partial<Record<LimitCode, number>>;

/** Reported per source at most, so a pathological text does not produce a pathological answer. */
const MAX_ISSUES = 10;

const MESSAGES: Record<LimitCode, (max: number, found?: number) => string> = {
  bytes: (max, found) =>
    `the text is ${Math.ceil((found ?? 0) / 1024)} KB; at most ${max / 1024} KB is allowed: split the module`,
  lines: (max) => `the text has more than ${max} lines: split the module`,
  lineChars: (max, found) => `this line has ${found} characters; at most ${max} are allowed: break it up`,
  depth: (max) => `nested more than ${max} levels deep (quotes, lists, components or YAML inside each other)`,
  marks: (max) =>
    `the text uses more than ${max} formatting marks (such as * _ [ ] | < & @ and web addresses): simplify or split it`,
  paragraphMarks: (max, found) =>
    `this paragraph has ${found} formatting marks (* _ ~ [ ] \`); at most ${max} are allowed: split it with blank lines`,
  containers: (max) => `the text has more than ${max} list items and quoted lines: split the module`,
  quoteLines: (max) => `this quote runs over more than ${max} lines without a blank line: split it`,
  setext: (max) => `more than ${max} headings are underlined with === or ---: write headings with ##`,
  timeout: (max) =>
    `checking this text took longer than ${max / 1000} s, so it was stopped: it is too complex (simplify or split it)`,
  crashed: () => "this text could not be checked: it is too complex (simplify or split it)",
};

/** An issue for a limit, with the English message for content:check and the note the editor words. */
export function limitIssue(code: LimitCode, line: number, max: number, found?: number): ContentIssue {
  return {
    line,
    column: 1,
    message: MESSAGES[code](max, found),
    limit: found === undefined ? { code, max } : { code, max, found },
  };
}

/** The number a scanned limit allows (0 for "timeout" and "crashed", which the checker reports). */
function limitOf(code: LimitCode): number {
  return Object.hasOwn(LIMITS, code) ? LIMITS[code as keyof typeof LIMITS] : 0;
}

/** Collects at most MAX_ISSUES issues, each limit once per place. */
export class LimitIssues {
  readonly list: ContentIssue[] = [];
  private readonly seen = new Set<string>();

  add(code: LimitCode, line: number, found?: number) {
    // Depth and setext headings are reported where they first exceed; the rest per line or paragraph.
    const key = ["depth", "setext", "marks", "containers"].includes(code) ? code : `${code}:${line}`;
    if (this.list.length >= MAX_ISSUES || this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push(limitIssue(code, line, limitOf(code), found));
  }

  get full() {
    return this.list.length >= MAX_ISSUES;
  }
}

/**
 * Size, line count and line length: checked first, as a text over these is not scanned further.
 * Returns the source's lines when it is within them.
 */
export function sizeIssues(source: string, issues: LimitIssues): string[] | null {
  const bytes = Buffer.byteLength(source, "utf8");
  if (bytes > LIMITS.bytes) {
    issues.add("bytes", 1, bytes);
    return null;
  }
  const lines = source.split("\n");
  if (lines.length > LIMITS.lines) {
    issues.add("lines", LIMITS.lines + 1);
    return null;
  }
  lines.forEach((text, i) => {
    if (text.length > LIMITS.lineChars) issues.add("lineChars", i + 1, text.length);
  });
  return issues.list.length > 0 ? null : lines;
}

/** Whether any issue is a limit: such a text is refused before it reaches a parser. */
export function exceedsLimits(issues: readonly ContentIssue[]): boolean {
  return issues.some((i) => i.limit !== undefined);
}
