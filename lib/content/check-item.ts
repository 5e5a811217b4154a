import { DEFAULT_LOCALE, LOCALES, type Locale } from "@/lib/i18n/locales";
import { scenarioShape } from "@/lib/scenario/validate";
import { compileChapterSource, compileScenarioSource, type ScenarioEntry } from "./catalog";
import { checkParity } from "./parity";
import type { ContentSource } from "./sources";
import type { ContentIssue } from "./types";

export type ItemIssues = Partial<Record<Locale, ContentIssue[]>>;

/**
 * Everything that stops an item from being published, per locale, with line numbers: the same
 * checks content:check runs on the files, the editor runs as the trainer types, and publish runs
 * before it writes. zh-CN is required; a translation must keep the source's structure.
 */
export function checkItem(item: ContentSource, scenarios: Map<string, ScenarioEntry>): ItemIssues {
  const issues: ItemIssues = {};
  const add = (locale: Locale, found: ContentIssue[]) => {
    if (found.length > 0) issues[locale] = [...(issues[locale] ?? []), ...found];
  };
  if (!item.sources[DEFAULT_LOCALE]?.trim())
    add(DEFAULT_LOCALE, [{ line: 1, column: 1, message: "the zh-CN text is required" }]);

  const version = "draft";
  if (item.kind === "chapter") {
    const results = new Map(
      LOCALES.filter((l) => item.sources[l]?.trim()).map((l) => [
        l,
        compileChapterSource(item.sources[l] as string, { slug: item.slug, locale: l, version, scenarios }),
      ]),
    );
    for (const [locale, result] of results) if (!result.ok) add(locale, result.issues);
    const source = results.get(DEFAULT_LOCALE);
    for (const [locale, result] of results) {
      if (locale === DEFAULT_LOCALE || !result.ok || !source?.ok) continue;
      add(locale, checkParity(source.chapter, result.chapter));
    }
    return issues;
  }

  const results = new Map(
    LOCALES.filter((l) => item.sources[l]?.trim()).map((l) => [
      l,
      compileScenarioSource(item.sources[l] as string, item.slug, l, version),
    ]),
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
          message: "structure (steps, choices, points, targets, rubric ids) differs from the zh-CN source",
        },
      ]);
  }
  return issues;
}

export function hasIssues(issues: ItemIssues): boolean {
  return Object.values(issues).some((list) => list && list.length > 0);
}
