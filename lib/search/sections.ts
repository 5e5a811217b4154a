import type { Catalog } from "../content/catalog";
import type { TocEntry } from "../content/types";
import type { Locale } from "../i18n/locales";

/** One `##` section of a chapter as plain text, what the chapter search looks through. */
export type SearchSection = {
  slug: string;
  chapterTitle: string;
  sectionId: string;
  sectionTitle: string;
  text: string;
};

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** Text of the chapter HTML that lib/content renders (its own sanitised output, not arbitrary HTML). */
export function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
      if (code[0] !== "#") return NAMED[code.toLowerCase()] ?? whole;
      const n = code[1]?.toLowerCase() === "x" ? Number.parseInt(code.slice(2), 16) : Number(code.slice(1));
      return Number.isFinite(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    })
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Splits a chapter's HTML at its level-2 headings (ids s-1, s-2… from render-html.ts): each
 * section's text runs to the next heading. Text before the first heading belongs to the first.
 */
export function chapterSections({
  slug,
  chapterTitle,
  html,
  toc,
}: {
  slug: string;
  chapterTitle: string;
  html: string;
  toc: readonly TocEntry[];
}): SearchSection[] {
  const parts = html.split(/(?=<h2 id="s-\d+")/);
  const byId = new Map<string, string>();
  let lead = "";
  for (const part of parts) {
    const id = /^<h2 id="(s-\d+)"/.exec(part)?.[1];
    if (id) byId.set(id, htmlText(part.replace(/^<h2[^>]*>.*?<\/h2>/s, "")));
    else lead = htmlText(part);
  }
  return toc.map((entry, i) => ({
    slug,
    chapterTitle,
    sectionId: entry.id,
    sectionTitle: entry.title,
    text: [i === 0 ? lead : "", byId.get(entry.id) ?? ""].filter(Boolean).join(" "),
  }));
}

/** The published catalog's sections in the reader's locale (a chapter without a translation in Chinese). */
export function catalogSections(catalog: Catalog, locale: Locale): SearchSection[] {
  let byLocale = cache.get(catalog);
  if (!byLocale) {
    byLocale = new Map();
    cache.set(catalog, byLocale);
  }
  const found = byLocale.get(locale);
  if (found) return found;
  const sections = catalog.chapterSlugs().flatMap((slug) => {
    const entry = catalog.findChapter(slug, locale);
    if (!entry?.result.ok) return [];
    const { meta, html, toc } = entry.result.chapter;
    return chapterSections({ slug, chapterTitle: meta.title, html, toc });
  });
  byLocale.set(locale, sections);
  return sections;
}

// A catalog is rebuilt when a revision is published, so its sections are kept with it and go with it.
const cache = new WeakMap<Catalog, Map<Locale, SearchSection[]>>();
