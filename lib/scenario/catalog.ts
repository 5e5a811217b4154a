import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ContentIssue } from "@/lib/content/types";
import type { Locale } from "@/lib/i18n/locales";
import type { Scenario } from "./schema";
import { validateScenario } from "./validate";

const SCENARIO_DIR = path.join(process.cwd(), "content", "scenarios");
const FILE = /^([a-z0-9-]+)\.(zh-CN|en)\.yaml$/;

export type ScenarioFile = {
  file: string;
  slug: string;
  locale: Locale;
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
    files.set(`${slug}.${locale}`, {
      file,
      slug,
      locale,
      result: validateScenario(readFileSync(file, "utf8"), { slug, locale }),
    });
  }
  cache = files;
  return files;
}
