import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { contentVersion } from "@/lib/content/compile";
import type { ContentIssue } from "@/lib/content/types";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import type { Scenario } from "./schema";
import { validateScenario } from "./validate";

const SCENARIO_DIR = path.join(process.cwd(), "content", "scenarios");
const FILE = /^([a-z0-9-]+)\.(zh-CN|en)\.yaml$/;

export type ScenarioFile = {
  file: string;
  slug: string;
  locale: Locale;
  /** Hash of the source: the content version an attempt is recorded against. */
  version: string;
  result: { scenario: Scenario } | { issues: ContentIssue[] };
};

let cache: Map<string, ScenarioFile> | null = null;

/** Every scenario file, validated once per process (on every call in development). */
export function scenarioFiles(): Map<string, ScenarioFile> {
  if (cache && process.env.NODE_ENV !== "development") return cache;
  const files = new Map<string, ScenarioFile>();
  for (const name of readdirSync(SCENARIO_DIR).sort()) {
    const m = FILE.exec(name);
    if (!m?.[1] || !m[2]) continue;
    const [slug, locale] = [m[1], m[2] as Locale];
    const file = path.join(SCENARIO_DIR, name);
    const source = readFileSync(file, "utf8");
    files.set(`${slug}.${locale}`, {
      file,
      slug,
      locale,
      version: contentVersion(source),
      result: validateScenario(source, { slug, locale }),
    });
  }
  cache = files;
  return files;
}

/** A valid scenario in the reader's locale, else the zh-CN source; null when neither is usable. */
export function findScenario(slug: string, locale: Locale): (ScenarioFile & { scenario: Scenario }) | null {
  const files = scenarioFiles();
  for (const key of [`${slug}.${locale}`, `${slug}.${DEFAULT_LOCALE}`]) {
    const entry = files.get(key);
    if (entry && "scenario" in entry.result) return { ...entry, scenario: entry.result.scenario };
  }
  return null;
}

/** Slugs of the valid zh-CN scenarios, in the order chapters introduce them. */
export function scenarioSlugs(): string[] {
  const order = ["greeting", "listening", "complaint"];
  return [...scenarioFiles().values()]
    .filter((e) => e.locale === DEFAULT_LOCALE && "scenario" in e.result)
    .map((e) => e.slug)
    .sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
}
