import { LineCounter, parseDocument, visit } from "yaml";
import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { coded } from "./issue-codes";
import { type ChapterMeta, type ContentIssue, REVIEW_MODES } from "./types";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const chapterMetaSchema = z.strictObject({
  id: z.string().regex(SLUG, "must be lowercase words joined by hyphens"),
  slug: z.string().regex(SLUG, "must be lowercase words joined by hyphens"),
  locale: z.enum(LOCALES),
  title: z.string().trim().min(1).max(120),
  order: z.number().int().min(1).max(999),
  passScore: z.number().int().min(1).max(100).default(80),
  estimatedMinutes: z.number().int().min(1).max(600),
  summary: z.string().trim().min(1).max(400),
  // The attempt policy of the chapter's knowledge check.
  attemptsPerDay: z.number().int().min(1).max(20).default(3),
  cooldownMinutes: z.number().int().min(0).max(1440).default(10),
  review: z.enum(REVIEW_MODES).default("after-pass"),
});

/**
 * Front matter YAML (starting on `startLine` of the file) to chapter metadata. Each problem is
 * reported on the line of the key it concerns.
 */
export function parseFrontMatter(
  yamlText: string,
  startLine: number,
): { meta: ChapterMeta } | { issues: ContentIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const lines = yamlText.split("\n");
  const lineOfKey = (key: string) => {
    const i = lines.findIndex((l) => l.startsWith(`${key}:`));
    return startLine + 1 + Math.max(i, 0);
  };
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((e) => ({
        line: startLine + (e.linePos?.[0].line ?? 1),
        column: e.linePos?.[0].col ?? 1,
        ...coded("frontMatter", { detail: e.message.split("\n")[0] ?? "" }),
      })),
    };
  }
  let data: unknown;
  try {
    // Aliases expand on conversion: a few hundred bytes of nested ones would make gigabytes.
    data = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch {
    let line = startLine + 1;
    visit(doc, {
      Alias(_, node) {
        if (node.range) line = startLine + lineCounter.linePos(node.range[0]).line;
        return visit.BREAK;
      },
    });
    return { issues: [{ line, column: 1, ...coded("frontMatterAliases") }] };
  }
  const parsed = chapterMetaSchema.safeParse(data);
  if (parsed.success) return { meta: parsed.data };
  return {
    issues: parsed.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? (issue.code === "unrecognized_keys" ? issue.keys[0] : ""));
      return {
        line: lineOfKey(key),
        column: 1,
        ...coded("frontMatter", { detail: `${issue.path.length ? `${key}: ` : ""}${issue.message}` }),
      };
    }),
  };
}
