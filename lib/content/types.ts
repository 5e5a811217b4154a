import type { Locale } from "@/lib/i18n/locales";
import type { IssueCode } from "./issue-codes";

/** A problem in a content file, positioned for `file:line:column message`. */
export type ContentIssue = {
  line: number;
  column: number;
  /** English, for content:check; the editor words `code` with `params` instead (lib/content/issue-codes.ts). */
  message: string;
  code?: IssueCode;
  params?: Record<string, string | number>;
  /** Set when the text exceeds a size or complexity limit (lib/content/limits.ts); the editor words it. */
  limit?: LimitNote;
};

/** Which limit a text exceeds, with the numbers the editor shows in the trainer's language. */
export type LimitNote = { code: LimitCode; max: number; found?: number };

export type LimitCode =
  | "bytes"
  | "lines"
  | "lineChars"
  | "depth"
  | "marks"
  | "paragraphMarks"
  | "containers"
  | "quoteLines"
  | "setext"
  | "timeout"
  | "crashed";

export type ChapterMeta = {
  id: string;
  slug: string;
  locale: Locale;
  title: string;
  order: number;
  passScore: number;
  estimatedMinutes: number;
  summary: string;
  /** Attempts a learner may start per Beijing calendar day (default 3). */
  attemptsPerDay: number;
  /** Minutes to wait after a failed attempt before the next one (default 10). */
  cooldownMinutes: number;
  /** What a closed attempt shows the learner (default after-pass). */
  review: ReviewMode;
};

/**
 * `always`: full feedback and the key; `after-pass`: full feedback on a pass, otherwise the score
 * and which questions were wrong (with their sections) but never the key; `never`: the score only.
 */
export const REVIEW_MODES = ["after-pass", "always", "never"] as const;
export type ReviewMode = (typeof REVIEW_MODES)[number];

/** `scenario`: one answer, a situation at the counter and what the teller should say or do next. */
export type QuestionType = "single" | "multiple" | "truefalse" | "scenario";

/** A knowledge-check question with its key. Server-only: never send this to the browser. */
export type Question = {
  id: string;
  type: QuestionType;
  /** The 1-based number of the `##` section it tests (anchor `s-N`); null only in checks without `draw`. */
  section: number | null;
  prompt: string;
  options: { id: string; text: string; correct: boolean; feedback: string }[];
  /** Where the question starts in its source file, for problems found after compiling. */
  line: number;
  /** In a translation: copied from the zh-CN source, not translated yet (lib/content/parity.ts). */
  untranslated?: true;
};

export type TocEntry = { id: string; title: string };

export type ChapterSegment =
  | { type: "html"; html: string }
  | { type: "scenario"; slug: string; html: string };

export type CompiledChapter = {
  meta: ChapterMeta;
  /** What an attempt records: the revision id in a catalog (a hash of the source otherwise). */
  version: string;
  html: string;
  /** The same HTML split at top-level scenario cards. */
  segments: ChapterSegment[];
  toc: TocEntry[];
  /** How many questions of the pool one attempt asks (`<KnowledgeCheck draw>`, default 8). */
  draw: number;
  /** The whole pool, with keys. */
  questions: Question[];
  /** The line of `<KnowledgeCheck>`, where a translation's missing question is reported. */
  checkLine?: number;
};

/** What a chapter with errors still yields, so a translation's parity shows with its errors. */
export type PartialChapter = Pick<CompiledChapter, "draw" | "questions" | "checkLine"> & {
  meta: ChapterMeta | null;
};

export type CompileResult =
  | { ok: true; chapter: CompiledChapter }
  | { ok: false; issues: ContentIssue[]; partial?: PartialChapter };
