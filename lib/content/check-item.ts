import { DEFAULT_LOCALE, LOCALES, type Locale } from "@/lib/i18n/locales";
import type { Scenario } from "@/lib/scenario/schema";
import { scenarioShape } from "@/lib/scenario/validate";
import { compileChapterSource, compileScenarioSource, type ScenarioEntry } from "./catalog";
import { coded } from "./issue-codes";
import { mdxLimitIssues } from "./limits-mdx";
import { yamlLimitIssues } from "./limits-yaml";
import { checkParity, sourceMarks } from "./parity";
import type { ContentSource } from "./sources";
import type { ChapterMeta, CompileResult, ContentIssue, Question } from "./types";

export type ItemIssues = Partial<Record<Locale, ContentIssue[]>>;

/** One locale of a draft as the trainer's preview shows it (with the answer keys). */
export type DraftPreview =
  | { kind: "chapter"; meta: ChapterMeta; html: string; questions: Question[] }
  | { kind: "scenario"; scenario: Scenario };

function collector() {
  const issues: ItemIssues = {};
  const add = (locale: Locale, found: ContentIssue[]) => {
    if (found.length > 0) issues[locale] = [...(issues[locale] ?? []), ...found];
  };
  return { issues, add };
}

const present = (item: ContentSource) => LOCALES.filter((l) => item.sources[l]?.trim());

/**
 * The size and complexity limits of every locale (lib/content/limits.ts), from a linear scan that
 * is cheap enough for the request thread: a text over them is refused before any parser runs.
 */
export function itemLimitIssues(item: ContentSource): ItemIssues {
  const { issues, add } = collector();
  const scan = item.kind === "chapter" ? mdxLimitIssues : yamlLimitIssues;
  for (const locale of present(item)) add(locale, scan(item.sources[locale] as string));
  return issues;
}

/**
 * Everything that stops an item from being published, per locale, with line numbers: the same
 * checks content:check runs on the files, the editor runs as the trainer types, and publish runs
 * before it writes. zh-CN is required; a translation must keep the source's structure. With
 * `previewLocale`, also that locale compiled for the preview (null while it has errors).
 * Trainer text reaches this through lib/content/check-draft.ts, off the request thread.
 */
export function checkItemWithPreview(
  item: ContentSource,
  scenarios: Map<string, ScenarioEntry>,
  previewLocale?: Locale,
): { issues: ItemIssues; preview: DraftPreview | null } {
  const { issues, add } = collector();
  if (!item.sources[DEFAULT_LOCALE]?.trim())
    add(DEFAULT_LOCALE, [{ line: 1, column: 1, ...coded("zhRequired") }]);

  const version = "draft";
  if (item.kind === "chapter") {
    const results = new Map(
      present(item).map((l) => [
        l,
        compileChapterSource(item.sources[l] as string, { slug: item.slug, locale: l, version, scenarios }),
      ]),
    );
    for (const [locale, result] of results) if (!result.ok) add(locale, result.issues);
    // Parity is checked on what each locale yielded even while it has other errors, so every
    // problem shows at once (a source that did not parse yields nothing to compare).
    const view = (r: CompileResult | undefined) => (r?.ok ? r.chapter : r?.partial);
    const source = view(results.get(DEFAULT_LOCALE));
    if (source) add(DEFAULT_LOCALE, sourceMarks(source));
    for (const [locale, result] of results) {
      const translation = view(result);
      if (locale === DEFAULT_LOCALE || !translation || !source) continue;
      add(locale, checkParity(source, translation));
    }
    const shown = previewLocale ? results.get(previewLocale) : undefined;
    if (!shown?.ok) return { issues, preview: null };
    const { meta, segments, questions } = shown.chapter;
    return {
      issues,
      preview: { kind: "chapter", meta, html: segments.map((s) => s.html).join(""), questions },
    };
  }

  const results = new Map(
    present(item).map((l) => [l, compileScenarioSource(item.sources[l] as string, item.slug, l, version)]),
  );
  for (const [locale, result] of results) if ("issues" in result) add(locale, result.issues);
  const source = results.get(DEFAULT_LOCALE);
  for (const [locale, result] of results) {
    if (locale === DEFAULT_LOCALE || !("scenario" in result) || !source || !("scenario" in source)) continue;
    if (scenarioShape(source.scenario) !== scenarioShape(result.scenario))
      add(locale, [
        {
          line: 1,
          column: 1,
          ...coded("scenarioShape"),
        },
      ]);
  }
  const shown = previewLocale ? results.get(previewLocale) : undefined;
  return {
    issues,
    preview: shown && "scenario" in shown ? { kind: "scenario", scenario: shown.scenario } : null,
  };
}

export function checkItem(item: ContentSource, scenarios: Map<string, ScenarioEntry>): ItemIssues {
  return checkItemWithPreview(item, scenarios).issues;
}

export function hasIssues(issues: ItemIssues): boolean {
  return Object.values(issues).some((list) => list && list.length > 0);
}
