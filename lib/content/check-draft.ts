import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import type { ScenarioEntry } from "./catalog";
import { type DraftPreview, hasIssues, type ItemIssues, itemLimitIssues } from "./check-item";
import { prepareWorker, runCheck } from "./check-pool";
import { limitIssue } from "./limits";
import type { ContentSource } from "./sources";

/**
 * How long checking one draft (every locale, and the preview) may take on the server: three
 * seconds, plus 20 ms per KB of text. The limits' scan already refuses the known pathological
 * texts within milliseconds; this is the backstop for anything they miss. The largest shipped
 * chapter in both languages (110 KB) checks in 0.1–0.2 s on a quiet machine but took 1.9 s with
 * the 2-core machine at a load of 24, so the budget leaves real modules room on a busy server.
 */
export function checkBudgetMs(item: ContentSource): number {
  const bytes = Object.values(item.sources).reduce((n, s) => n + Buffer.byteLength(s ?? ""), 0);
  return 3_000 + Math.round((bytes / 1024) * 20);
}

export type DraftCheck = {
  issues: ItemIssues;
  preview: DraftPreview | null;
  /**
   * Why the text was refused without a full check: over a size or complexity limit, over the time
   * budget, or it broke the checker; "busy" when too many checks are waiting. Null: checked.
   */
  refused: null | "limits" | "timeout" | "crashed" | "busy";
};

/**
 * The bounded way to check trainer text (preview, save, publish, content:check): the limits on the
 * request thread (a linear scan), then parse, validation and compilation in a worker thread that
 * is stopped at `budgetMs`. The answer is the same as checkItemWithPreview's when it finishes.
 */
export async function checkDraft(
  item: ContentSource,
  /** The catalog's scenarios, which chapters link to: read only once the text is within the limits. */
  scenarios: () => Promise<Map<string, ScenarioEntry>>,
  { previewLocale, budgetMs = checkBudgetMs(item) }: { previewLocale?: Locale; budgetMs?: number } = {},
): Promise<DraftCheck> {
  const limited = itemLimitIssues(item);
  if (hasIssues(limited)) return { issues: limited, preview: null, refused: "limits" };
  prepareWorker(); // starts while the scenarios are read (on a cold server, the catalog is compiled)
  const outcome = await runCheck({ item, scenarios: await scenarios(), previewLocale }, budgetMs);
  if (outcome.status === "done") return { issues: outcome.issues, preview: outcome.preview, refused: null };
  if (outcome.status === "busy") return { issues: {}, preview: null, refused: "busy" };
  // Which locale was too much is unknown: the one being edited, else the source, carries the issue.
  const locale = previewLocale ?? DEFAULT_LOCALE;
  const issue =
    outcome.status === "timeout" ? limitIssue("timeout", 1, budgetMs) : limitIssue("crashed", 1, 0);
  return { issues: { [locale]: [issue] }, preview: null, refused: outcome.status };
}
