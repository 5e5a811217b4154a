import { chapterSlugs } from "../content/catalog";
import type { Locale } from "../i18n/locales";
import { findScenario, scenarioSlugs } from "../scenario/catalog";
import { itemTitle } from "../training/item-title";

export type ReportItem = { key: string; label: string; short: string };

/** The chapters and scenarios a pass rate is shown for, keyed "chapter:<slug>" / "scenario:<slug>". */
export function passItems(locale: Locale): ReportItem[] {
  return [
    ...chapterSlugs().map((slug, i) => ({
      key: `chapter:${slug}`,
      label: itemTitle("chapter", slug, locale),
      short: locale === "en" ? `Ch. ${i + 1}` : `第 ${i + 1} 章`,
    })),
    ...scenarioSlugs().map((slug) => {
      const label = itemTitle("scenario", slug, locale);
      return { key: `scenario:${slug}`, label, short: label.split(/[:：]/)[0]?.trim() || label };
    }),
  ];
}

/** Every scenario competency, keyed "<scenario>:<competency>", labelled in the reader's language. */
export function competencyItems(locale: Locale): (ReportItem & { scenario: string; competency: string })[] {
  return scenarioSlugs().flatMap((slug) => {
    const s = findScenario(slug, locale)?.scenario;
    return (s?.competencies ?? []).map((c) => ({
      key: `${slug}:${c.id}`,
      label: c.label,
      short: c.label,
      scenario: s?.title ?? slug,
      competency: c.id,
    }));
  });
}
