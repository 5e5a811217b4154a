import type { Catalog } from "../content/catalog";
import type { Locale } from "../i18n/locales";
import { itemTitle } from "../training/item-title";

export type ReportItem = { key: string; label: string; short: string };

/** The chapters and scenarios a pass rate is shown for, keyed "chapter:<slug>" / "scenario:<slug>". */
export function passItems(catalog: Catalog, locale: Locale): ReportItem[] {
  return [
    ...catalog.chapterSlugs().map((slug, i) => ({
      key: `chapter:${slug}`,
      label: itemTitle(catalog, "chapter", slug, locale),
      short: locale === "en" ? `Ch. ${i + 1}` : `第 ${i + 1} 章`,
    })),
    ...catalog.scenarioSlugs().map((slug) => {
      const label = itemTitle(catalog, "scenario", slug, locale);
      return { key: `scenario:${slug}`, label, short: label.split(/[:：]/)[0]?.trim() || label };
    }),
  ];
}

/** Every scenario competency, keyed "<scenario>:<competency>", labelled in the reader's language. */
export function competencyItems(
  catalog: Catalog,
  locale: Locale,
): (ReportItem & { scenario: string; competency: string })[] {
  return catalog.scenarioSlugs().flatMap((slug) => {
    const s = catalog.findScenario(slug, locale)?.scenario;
    return (s?.competencies ?? []).map((c) => ({
      key: `${slug}:${c.id}`,
      label: c.label,
      short: c.label,
      scenario: s?.title ?? slug,
      competency: c.id,
    }));
  });
}
