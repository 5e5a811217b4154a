import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { scenarioFiles } from "@/lib/scenario/catalog";
import en from "@/messages/en.json" with { type: "json" };
import zhCN from "@/messages/zh-CN.json" with { type: "json" };
import { compileChapter } from "./compile";
import type { ScenarioCards } from "./render-html";
import type { CompileResult } from "./types";

const CHAPTER_DIR = path.join(process.cwd(), "content", "chapters");
const FILE = /^([a-z0-9-]+)\.(zh-CN|en)\.mdx$/;
const LABELS = { "zh-CN": zhCN.mdx, en: en.mdx } as const;

type Entry = { file: string; slug: string; locale: Locale; result: CompileResult };

let cache: Map<string, Entry> | null = null;

/** Set to false to show scenario cards in chapters without a link (e.g. while the player is unavailable). */
const PRACTICE_AVAILABLE = true;

function scenarioCards(locale: Locale): ScenarioCards {
  const cards: ScenarioCards = {};
  for (const s of scenarioFiles().values()) {
    if (s.locale === locale && "scenario" in s.result) {
      cards[s.slug] = { title: s.result.scenario.title, playable: PRACTICE_AVAILABLE };
    }
  }
  return cards;
}

function load(): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  for (const name of readdirSync(CHAPTER_DIR).sort()) {
    const m = FILE.exec(name);
    if (!m?.[1] || !m[2]) continue;
    const [slug, locale] = [m[1], m[2] as Locale];
    const file = path.join(CHAPTER_DIR, name);
    const result = compileChapter(readFileSync(file, "utf8"), {
      labels: LABELS[locale],
      expect: { slug, locale },
      scenarios: scenarioCards(locale),
    });
    entries.set(`${slug}.${locale}`, { file, slug, locale, result });
  }
  return entries;
}

/** Every chapter file, compiled once per process (and on every call in development, to pick up edits). */
export function chapterFiles(): Map<string, Entry> {
  if (!cache || process.env.NODE_ENV === "development") cache = load();
  return cache;
}

/** The chapter in the reader's locale, or the zh-CN source (fallback: true) when no translation exists. */
export function findChapter(slug: string, locale: Locale): (Entry & { fallback: boolean }) | null {
  const files = chapterFiles();
  const own = files.get(`${slug}.${locale}`);
  if (own) return { ...own, fallback: false };
  const source = files.get(`${slug}.${DEFAULT_LOCALE}`);
  return source ? { ...source, fallback: locale !== DEFAULT_LOCALE } : null;
}

/** Slugs in reading order (by the zh-CN source's `order`; broken chapters go last). */
export function chapterSlugs(): string[] {
  const sources = [...chapterFiles().values()].filter((e) => e.locale === DEFAULT_LOCALE);
  const order = (e: Entry) => (e.result.ok ? e.result.chapter.meta.order : Number.MAX_SAFE_INTEGER);
  return sources.sort((a, b) => order(a) - order(b) || a.slug.localeCompare(b.slug)).map((e) => e.slug);
}
