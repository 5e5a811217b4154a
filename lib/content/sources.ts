import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Locale } from "@/lib/i18n/locales";

export const CONTENT_KINDS = ["chapter", "scenario"] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** One module or scenario as published: its source per locale and the version attempts record. */
export type ContentSource = {
  kind: ContentKind;
  slug: string;
  /** The revision id (or, for files, a hash of the sources): what an attempt records. */
  version: string;
  sources: Partial<Record<Locale, string>>;
};

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const DIRS = { chapter: "chapters", scenario: "scenarios" } as const;
const EXTENSIONS = { chapter: "mdx", scenario: "yaml" } as const;
const FILE = /^([a-z0-9-]+)\.(zh-CN|en)\.(mdx|yaml)$/;

export function contentDir(kind: ContentKind) {
  return path.join(process.cwd(), "content", DIRS[kind]);
}

/** The file a locale of an item lives in under content/ (for import, export and content:check). */
export function contentFile(kind: ContentKind, slug: string, locale: Locale) {
  return path.join(contentDir(kind), `${slug}.${locale}.${EXTENSIONS[kind]}`);
}

/** The shipped curriculum under content/, one entry per slug with every locale's source. */
export function fileSources(version: (sources: Partial<Record<Locale, string>>) => string): ContentSource[] {
  const found: ContentSource[] = [];
  for (const kind of ["chapter", "scenario"] as const) {
    const bySlug = new Map<string, Partial<Record<Locale, string>>>();
    for (const name of readdirSync(contentDir(kind)).sort()) {
      const m = FILE.exec(name);
      if (!m?.[1] || !m[2] || m[3] !== EXTENSIONS[kind]) continue;
      const sources = bySlug.get(m[1]) ?? {};
      sources[m[2] as Locale] = readFileSync(path.join(contentDir(kind), name), "utf8");
      bySlug.set(m[1], sources);
    }
    for (const [slug, sources] of bySlug) found.push({ kind, slug, version: version(sources), sources });
  }
  return found;
}
