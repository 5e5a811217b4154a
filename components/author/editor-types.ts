import type { ChapterMeta, ContentIssue, Question } from "@/lib/content/types";
import type { Locale } from "@/lib/i18n/locales";
import type { RubricGrade } from "@/lib/scenario/rubric";
import type { Scenario } from "@/lib/scenario/schema";

export type ItemIssues = Partial<Record<Locale, ContentIssue[]>>;

/** What /api/author/preview returns for the locale being edited. */
export type Preview =
  | { kind: "chapter"; meta: ChapterMeta; html: string; questions: Question[] }
  | { kind: "scenario"; scenario: Scenario }
  | null;

/** What /api/author/try-answer returns for one sample answer, or why it could not grade it. */
export type TryOutcome = { grade: RubricGrade; next: string } | { error: string };
export type TryAnswer = (stepId: string, answer: string) => Promise<TryOutcome>;
