import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { cache } from "react";
import {
  buildCatalog,
  type Catalog,
  type ChapterEntry,
  compileChapterSource,
  compileScenarioSource,
  fileCatalog,
  type ScenarioEntry,
} from "../../lib/content/catalog";
import type { ContentKind, ContentSource } from "../../lib/content/sources";
import type { Locale } from "../../lib/i18n/locales";
import { type Db, db as defaultDb } from "../client";
import { type ContentRevision, contentRevisions } from "../schema";

/**
 * What this process knows of the published content, shared by every server bundle: Next.js gives
 * each route its own copy of this module, so the state lives on globalThis (one catalog built per
 * process, not one per route, and not one per request that arrives while it is being built).
 * `sourcesById`: sources of revisions already read (revisions never change, so safe to keep and to
 * lose); `current`: the catalog of the latest revisions, by their ids; `building`: the one under way.
 */
type CatalogState = {
  sourcesById: Map<string, ContentSource>;
  current: { key: string; catalog: Catalog } | null;
  building: { key: string; catalog: Promise<Catalog> } | null;
};
const STATE = Symbol.for("training.content-catalog");
const shared = globalThis as unknown as { [STATE]?: CatalogState };
shared[STATE] ??= { sourcesById: new Map(), current: null, building: null };
const state: CatalogState = shared[STATE];
const { sourcesById } = state;

export function revisionSource(r: Pick<ContentRevision, "id" | "kind" | "slug" | "sourceZh" | "sourceEn">) {
  const sources: ContentSource["sources"] = { "zh-CN": r.sourceZh };
  if (r.sourceEn) sources.en = r.sourceEn;
  return { kind: r.kind, slug: r.slug, version: r.id, sources } satisfies ContentSource;
}

/**
 * The latest revision of every item: one small indexed read per call; the catalog is built again
 * only when that list changed (a publish), from sources read only when new.
 */
export async function loadCatalog({ db = defaultDb }: { db?: Db } = {}): Promise<Catalog> {
  const latest = await db
    .select({ id: contentRevisions.id })
    .from(contentRevisions)
    .where(
      sql`${contentRevisions.number} = (select max(m.number) from ${contentRevisions} m
        where m.kind = ${contentRevisions.kind} and m.slug = ${contentRevisions.slug})`,
    )
    .orderBy(contentRevisions.kind, contentRevisions.slug);
  // Before the first content:import (a fresh test database), the shipped files are the curriculum.
  if (latest.length === 0) return fileCatalog();
  const ids = latest.map((r) => r.id);
  const key = ids.join(",");
  if (state.current?.key === key) return state.current.catalog;
  if (state.building?.key !== key) {
    const building = { key, catalog: buildFrom(ids, db) };
    state.building = building;
    building.catalog.then(
      (catalog) => {
        if (state.building === building) state.building = null;
        state.current = { key, catalog };
      },
      () => {
        if (state.building === building) state.building = null;
      },
    );
  }
  return state.building.catalog;
}

async function buildFrom(ids: string[], db: Db): Promise<Catalog> {
  const missing = ids.filter((id) => !sourcesById.has(id));
  if (missing.length > 0) {
    const rows = await db.select().from(contentRevisions).where(inArray(contentRevisions.id, missing));
    for (const r of rows) sourcesById.set(r.id, revisionSource(r));
  }
  return buildCatalog(ids.map((id) => sourcesById.get(id) as ContentSource));
}

/** What learners see now, read once per request. */
export const getCatalog = cache(() => loadCatalog());

async function revisionById(id: string, kind: ContentKind, slug: string, db: Db) {
  const known = sourcesById.get(id);
  if (known) return known.kind === kind && known.slug === slug ? known : null;
  const [row] = await db
    .select()
    .from(contentRevisions)
    .where(
      and(eq(contentRevisions.id, id), eq(contentRevisions.kind, kind), eq(contentRevisions.slug, slug)),
    );
  if (!row) return null;
  const source = revisionSource(row);
  sourcesById.set(id, source);
  return source;
}

async function revisionExists(id: string, db: Db) {
  const [row] = await db
    .select({ id: contentRevisions.id })
    .from(contentRevisions)
    .where(eq(contentRevisions.id, id));
  return row !== undefined;
}

/**
 * An item in a language, as of a revision (the id an attempt or a page recorded). `catalog`: the
 * current one when the caller has read it already in this request (saves reading it again).
 */
type AtVersion = { slug: string; locale: Locale; db?: Db; catalog?: Catalog };

/**
 * A chapter as it was in a given revision: the one a learner's open page was built from, so a
 * knowledge check submitted across a publish is scored against the questions that learner saw.
 */
export async function chapterAtVersion({
  slug,
  locale,
  version,
  db = defaultDb,
  catalog: known,
}: AtVersion & { version?: string }): Promise<ChapterEntry | null> {
  const catalog = known ?? (await loadCatalog({ db }));
  const now = catalog.findChapter(slug, locale);
  if (now && (version === undefined || now.version === version)) return now;
  if (!now || version === undefined) return null;
  const old = await revisionById(version, "chapter", slug, db);
  // A version this database never had (a page cached before the database was reset or restored):
  // the current revision is the best there is, provided it still asks the same questions.
  if (!old) return (await revisionExists(version, db)) ? null : now;
  const text = old.sources[locale] ?? old.sources["zh-CN"];
  if (text === undefined) return null;
  const used: Locale = old.sources[locale] !== undefined ? locale : "zh-CN";
  const result = compileChapterSource(text, { slug, locale: used, version, scenarios: catalog.scenarios });
  return { slug, locale: used, version, result };
}

/** A scenario as it was in the revision an attempt started on (the current one for older attempts). */
export async function scenarioAtVersion({
  slug,
  locale,
  version,
  db = defaultDb,
}: AtVersion & { version: string }): Promise<
  | (ScenarioEntry & {
      scenario: NonNullable<Extract<ScenarioEntry["result"], { scenario: unknown }>>["scenario"];
    })
  | null
> {
  const catalog = await loadCatalog({ db });
  const now = catalog.findScenario(slug, locale);
  if (!now || now.version === version) return now;
  const old = await revisionById(version, "scenario", slug, db);
  const used: Locale = old?.sources[locale] !== undefined ? locale : "zh-CN";
  const text = old?.sources[used];
  if (!old || text === undefined) return now;
  const result = compileScenarioSource(text, slug, used, version);
  return "scenario" in result ? { slug, locale: used, version, result, scenario: result.scenario } : now;
}
