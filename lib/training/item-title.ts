import { findCertification } from "../certification/catalog";
import type { Catalog } from "../content/catalog";
import type { Locale } from "../i18n/locales";
import type { AssignmentItemType } from "./assignment-status";

/** The title a person sees for an assignable item, in their language; the slug if it is gone. */
export function itemTitle(
  catalog: Catalog,
  itemType: AssignmentItemType,
  slug: string,
  locale: Locale,
): string {
  if (itemType === "chapter") {
    const entry = catalog.findChapter(slug, locale);
    return entry?.result.ok ? entry.result.chapter.meta.title : slug;
  }
  if (itemType === "scenario") return catalog.findScenario(slug, locale)?.scenario.title ?? slug;
  return findCertification(slug)?.name[locale] ?? slug;
}

/** Where a person goes to work on an item. */
export function itemHref(itemType: AssignmentItemType, slug: string): string {
  if (itemType === "chapter") return `/learn/${slug}`;
  if (itemType === "scenario") return `/practice/${slug}`;
  return "/#certification";
}
