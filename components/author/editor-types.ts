import type { ChapterMeta, ContentIssue, Question } from "@/lib/content/types";
import type { Locale } from "@/lib/i18n/locales";
import type { Scenario } from "@/lib/scenario/schema";

export type ItemIssues = Partial<Record<Locale, ContentIssue[]>>;

/** What /api/author/preview returns for the locale being edited. */
export type Preview =
  | { kind: "chapter"; meta: ChapterMeta; html: string; questions: Question[] }
  | { kind: "scenario"; scenario: Scenario }
  | null;
