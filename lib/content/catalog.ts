import { DEFAULT_LOCALE, LOCALES, type Locale } from "@/lib/i18n/locales";
import type { Scenario } from "@/lib/scenario/schema";
import { validateScenario } from "@/lib/scenario/validate";
import en from "@/messages/en.json" with { type: "json" };
import zhCN from "@/messages/zh-CN.json" with { type: "json" };
import { compileChapter, contentVersion } from "./compile";
import { yamlLimitIssues } from "./limits-yaml";
import type { ScenarioCards } from "./render-html";
import { type ContentSource, fileSources } from "./sources";
import type { CompileResult, ContentIssue } from "./types";

export const MDX_LABELS = { "zh-CN": zhCN.mdx, en: en.mdx } as const;

export type ChapterEntry = { slug: string; locale: Locale; version: string; result: CompileResult };
export type ScenarioEntry = {
  slug: string;
  locale: Locale;
  version: string;
  result: { scenario: Scenario } | { issues: ContentIssue[] };
};

/** The curriculum learners see: every chapter and scenario in every locale it has, compiled. */
export type Catalog = {
  chapters: Map<string, ChapterEntry>;
  scenarios: Map<string, ScenarioEntry>;
  /** Slugs in reading order (by the zh-CN source's `order`; broken chapters go last). */
  chapterSlugs(): string[];
  /** The chapter in the reader's locale, or the zh-CN source (fallback: true) when no translation exists. */
  findChapter(slug: string, locale: Locale): (ChapterEntry & { fallback: boolean }) | null;
  /** Slugs of the valid zh-CN scenarios: the three shipped ones in teaching order, then the rest. */
  scenarioSlugs(): string[];
  /** A valid scenario in the reader's locale, else the zh-CN source; null when neither is usable. */
  findScenario(slug: string, locale: Locale): (ScenarioEntry & { scenario: Scenario }) | null;
};

const SCENARIO_ORDER = ["greeting", "listening", "complaint"];
// Compiled results by version, locale (and, for chapters, the scenario titles they show): a cache
// that is safe to lose, so each published revision is compiled once per process.
const compiled = new Map<string, ChapterEntry["result"] | ScenarioEntry["result"]>();
// Drafts change with every keystroke: only the last few texts are kept (by their hash), so that
// the locale the trainer is not typing in is not compiled again on every keystroke.
const drafts = new Map<string, ChapterEntry["result"] | ScenarioEntry["result"]>();

function memo<T extends ChapterEntry["result"] | ScenarioEntry["result"]>(
  key: string,
  source: string,
  make: () => T,
): T {
  const draft = key.includes("|draft|");
  const cache = draft ? drafts : compiled;
  const at = draft ? `${key}|${contentVersion(source)}` : key;
  const hit = cache.get(at);
  if (hit) return hit as T;
  if (cache.size >= (draft ? 8 : 500)) cache.clear();
  const value = make();
  cache.set(at, value);
  return value;
}

export function scenarioCardsOf(scenarios: Map<string, ScenarioEntry>, locale: Locale): ScenarioCards {
  const cards = new Map<string, { title: string; playable: boolean }>();
  for (const s of scenarios.values()) {
    if (s.locale === locale && "scenario" in s.result)
      cards.set(s.slug, { title: s.result.scenario.title, playable: true });
  }
  return cards;
}

/** A scenario's YAML, checked against the limits (lib/content/limits.ts) before it is parsed. */
export function compileScenarioSource(
  source: string,
  slug: string,
  locale: Locale,
  version: string,
): ScenarioEntry["result"] {
  return memo(`s|${version}|${locale}|${slug}`, source, () => {
    const limited = yamlLimitIssues(source);
    return limited.length > 0 ? { issues: limited } : validateScenario(source, { slug, locale });
  });
}

export function compileChapterSource(
  source: string,
  {
    slug,
    locale,
    version,
    scenarios,
  }: { slug: string; locale: Locale; version: string; scenarios: Map<string, ScenarioEntry> },
) {
  const cards = scenarioCardsOf(scenarios, locale);
  const known = [...new Set([...scenarios.values()].map((s) => s.slug))];
  const key = `c|${version}|${locale}|${slug}|${JSON.stringify([...cards])}`;
  return memo(key, source, () => {
    const result = compileChapter(source, {
      labels: MDX_LABELS[locale],
      expect: { slug, locale },
      knownScenarios: known,
      scenarios: cards,
    });
    // What an attempt records: the revision (or file hash) the catalog knows the chapter by.
    return result.ok ? { ...result, chapter: { ...result.chapter, version } } : result;
  });
}

export function buildCatalog(items: readonly ContentSource[]): Catalog {
  const scenarios = new Map<string, ScenarioEntry>();
  for (const item of items.filter((i) => i.kind === "scenario")) {
    for (const locale of LOCALES) {
      const source = item.sources[locale];
      if (source === undefined) continue;
      const result = compileScenarioSource(source, item.slug, locale, item.version);
      scenarios.set(`${item.slug}.${locale}`, { slug: item.slug, locale, version: item.version, result });
    }
  }
  const chapters = new Map<string, ChapterEntry>();
  for (const item of items.filter((i) => i.kind === "chapter")) {
    for (const locale of LOCALES) {
      const source = item.sources[locale];
      if (source === undefined) continue;
      const result = compileChapterSource(source, {
        slug: item.slug,
        locale,
        version: item.version,
        scenarios,
      });
      chapters.set(`${item.slug}.${locale}`, { slug: item.slug, locale, version: item.version, result });
    }
  }

  const order = (e: ChapterEntry) => (e.result.ok ? e.result.chapter.meta.order : Number.MAX_SAFE_INTEGER);
  const chapterSlugs = [...chapters.values()]
    .filter((e) => e.locale === DEFAULT_LOCALE)
    .sort((a, b) => order(a) - order(b) || a.slug.localeCompare(b.slug))
    .map((e) => e.slug);
  const rank = (slug: string) => SCENARIO_ORDER.indexOf(slug) + 1 || 99;
  const scenarioSlugs = [...scenarios.values()]
    .filter((e) => e.locale === DEFAULT_LOCALE && "scenario" in e.result)
    .map((e) => e.slug)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

  return {
    chapters,
    scenarios,
    chapterSlugs: () => chapterSlugs,
    findChapter(slug, locale) {
      const own = chapters.get(`${slug}.${locale}`);
      if (own) return { ...own, fallback: false };
      const source = chapters.get(`${slug}.${DEFAULT_LOCALE}`);
      return source ? { ...source, fallback: locale !== DEFAULT_LOCALE } : null;
    },
    scenarioSlugs: () => scenarioSlugs,
    findScenario(slug, locale) {
      for (const key of [`${slug}.${locale}`, `${slug}.${DEFAULT_LOCALE}`]) {
        const entry = scenarios.get(key);
        if (entry && "scenario" in entry.result) return { ...entry, scenario: entry.result.scenario };
      }
      return null;
    },
  };
}

/** A version for file sources: a hash of every locale's text. */
export function sourcesVersion(sources: Partial<Record<Locale, string>>): string {
  return contentVersion(LOCALES.map((l) => sources[l] ?? "").join("\u0000"));
}

let files: Catalog | null = null;

/**
 * The shipped files under content/, compiled once per process (on every call in development). What
 * content:check validates and content:import loads; learners see the database's revisions.
 */
export function fileCatalog(): Catalog {
  if (!files || process.env.NODE_ENV === "development") files = buildCatalog(fileSources(sourcesVersion));
  return files;
}
