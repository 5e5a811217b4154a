import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCertificationFacts } from "@/db/queries/certificates";
import {
  createContentItem,
  getContentItem,
  publishDraft,
  rollbackToRevision,
  saveDraft,
} from "@/db/queries/content-authoring";
import { chapterAtVersion, loadCatalog } from "@/db/queries/content-catalog";
import { importContent } from "@/db/queries/content-import";
import { refreshChapterStats } from "@/db/queries/report-stats";
import {
  auditLog,
  branches,
  checkAttempts,
  contentDrafts,
  contentRevisions,
  learnerItemStats,
  users,
} from "@/db/schema";
import { fileCatalog } from "@/lib/content/catalog";
import { setUpTestDb } from "./test-db";

const { db, client } = setUpTestDb();

const SLUG = "basic-skills";
const ORIGINAL = readFileSync(`content/chapters/${SLUG}.zh-CN.mdx`, "utf8");
const ORIGINAL_EN = readFileSync(`content/chapters/${SLUG}.en.mdx`, "utf8");
const EDITED = ORIGINAL.replace("\n---\n\n", "\n---\n\n新增的一段说明。\n\n");
const chapter = { kind: "chapter" as const, slug: SLUG };

async function draftVersion() {
  const item = await getContentItem({ ...chapter, db });
  return item?.draft.version ?? 0;
}

async function edit(sourceZh: string) {
  return saveDraft({
    ...chapter,
    sourceZh,
    sourceEn: ORIGINAL_EN,
    version: await draftVersion(),
    actorId: "t1",
    db,
  });
}

beforeAll(async () => {
  await db.insert(branches).values({ id: "b1", code: "B1", name: "总行", nameEn: "HQ", path: "/b1/" });
  await db.insert(users).values([
    { id: "t1", employeeNo: "T1", name: "培训师", role: "trainer", branchId: "b1", hireDate: "2025-01-01" },
    { id: "l1", employeeNo: "L1", name: "学员", branchId: "b1", hireDate: "2026-01-01" },
  ]);
});

describe("content revisions", () => {
  it("imports the shipped curriculum once, as revision 1 of each item", async () => {
    const first = await importContent({ db });
    const again = await importContent({ db });
    const files = fileCatalog();
    expect(first.created).toBe(files.chapterSlugs().length + files.scenarioSlugs().length);
    expect(again).toEqual({ created: 0, updated: 0 });
    const catalog = await loadCatalog({ db });
    expect(catalog.chapterSlugs()).toEqual(files.chapterSlugs());
    const entry = catalog.findChapter(SLUG, "zh-CN");
    const [revision] = await db.select().from(contentRevisions).where(eq(contentRevisions.slug, SLUG));
    expect(entry?.version).toBe(revision?.id);
    expect(revision?.number).toBe(1);
  });

  it("refuses a save over someone else's newer save", async () => {
    const version = await draftVersion();
    await saveDraft({ ...chapter, sourceZh: EDITED, sourceEn: ORIGINAL_EN, version, actorId: "t1", db });
    await expect(
      saveDraft({ ...chapter, sourceZh: ORIGINAL, sourceEn: ORIGINAL_EN, version, actorId: "t1", db }),
    ).rejects.toMatchObject({ code: "conflict:draft_version" });
  });

  it("refuses to publish a draft with errors, with their lines, and writes nothing", async () => {
    const broken = ORIGINAL.replace("<KnowledgeCheck", "{process.exit(1)}\n\n<KnowledgeCheck");
    await edit(broken);
    const outcome = await publishDraft({
      ...chapter,
      version: await draftVersion(),
      note: "坏草稿",
      major: false,
      actorId: "t1",
      db,
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const line = broken.split("\n").findIndex((l) => l.startsWith("{process")) + 1;
    expect(outcome.issues["zh-CN"]).toContainEqual(expect.objectContaining({ line }));
    expect(await db.select().from(contentRevisions).where(eq(contentRevisions.slug, SLUG))).toHaveLength(1);
  });

  it("publishes a valid draft as the next revision, audited, and learners get it", async () => {
    await edit(EDITED);
    const outcome = await publishDraft({
      ...chapter,
      version: await draftVersion(),
      note: "加一段",
      major: false,
      actorId: "t1",
      db,
    });
    expect(outcome).toEqual({ ok: true, number: 2 });
    const entry = (await loadCatalog({ db })).findChapter(SLUG, "zh-CN");
    expect(entry?.result.ok && entry.result.chapter.html).toContain("新增的一段说明");
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "content.publish"));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: "t1", targetType: "content", targetId: `chapter:${SLUG}` });
    expect(audit[0]?.after).toMatchObject({ number: 2, note: "加一段", major: false });
  });

  it("refuses a publish of a draft version that is no longer current", async () => {
    const stale = (await draftVersion()) - 1;
    await expect(
      publishDraft({ ...chapter, version: stale, note: "旧的", major: false, actorId: "t1", db }),
    ).rejects.toMatchObject({ code: "conflict:draft_version" });
  });

  it("keeps revisions immutable", async () => {
    await expect(client.execute("update content_revisions set note = '改写历史'")).rejects.toThrow(
      /immutable/,
    );
    await expect(client.execute("delete from content_revisions")).rejects.toThrow(/immutable/);
  });

  it("scores against the revision a learner's page showed, even after a publish", async () => {
    const [first] = await db
      .select()
      .from(contentRevisions)
      .where(and(eq(contentRevisions.slug, SLUG), eq(contentRevisions.number, 1)));
    const old = await chapterAtVersion({ slug: SLUG, locale: "zh-CN", version: first?.id as string, db });
    expect(old?.version).toBe(first?.id);
    expect(old?.result.ok && old.result.chapter.html).not.toContain("新增的一段说明");
    // A revision this database never had (a page cached before a reset) is scored as the current one;
    // another chapter's revision is refused.
    const current = (await loadCatalog({ db })).findChapter(SLUG, "zh-CN")?.version;
    const unknown = await chapterAtVersion({ slug: SLUG, locale: "zh-CN", version: "no-such-revision", db });
    expect(unknown?.version).toBe(current);
    const [other] = await db
      .select()
      .from(contentRevisions)
      .where(eq(contentRevisions.slug, "complaint-handling"));
    expect(
      await chapterAtVersion({ slug: SLUG, locale: "zh-CN", version: other?.id as string, db }),
    ).toBeNull();
  });

  it("rolls back by publishing an earlier revision's text as a new revision, and the draft follows", async () => {
    const outcome = await rollbackToRevision({ ...chapter, number: 1, note: "撤回", actorId: "t1", db });
    expect(outcome).toEqual({ ok: true, number: 3 });
    const rows = await db.select().from(contentRevisions).where(eq(contentRevisions.slug, SLUG));
    const third = rows.find((r) => r.number === 3);
    expect(third).toMatchObject({ rollbackOf: 1, sourceZh: ORIGINAL });
    const [draft] = await db.select().from(contentDrafts).where(eq(contentDrafts.slug, SLUG));
    expect(draft?.sourceZh).toBe(ORIGINAL);
    const entry = (await loadCatalog({ db })).findChapter(SLUG, "zh-CN");
    expect(entry?.version).toBe(third?.id);
    await expect(
      rollbackToRevision({ ...chapter, number: 3, note: "再撤回", actorId: "t1", db }),
    ).rejects.toMatchObject({ code: "bad_request:rollback_latest" });
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "content.rollback"));
    expect(audit[0]?.after).toMatchObject({ number: 3, rollbackOf: 1 });
  });

  it("a major revision makes earlier passes not count: flagged for relearning, and not towards certification", async () => {
    const long = new Date(Date.now() - 7 * 86_400_000);
    await db.insert(checkAttempts).values({
      id: crypto.randomUUID(),
      userId: "l1",
      moduleSlug: SLUG,
      contentVersion: "v",
      locale: "zh-CN",
      answers: {},
      score: 8,
      maxScore: 8,
      percent: 100,
      passed: true,
      createdAt: long,
    });
    await db.batch(refreshChapterStats({ userId: "l1", slug: SLUG, db }) as never);
    const stat = () =>
      db
        .select()
        .from(learnerItemStats)
        .where(and(eq(learnerItemStats.userId, "l1"), eq(learnerItemStats.itemSlug, SLUG)));
    expect((await stat())[0]).toMatchObject({ passed: true, relearn: false });
    expect((await loadCertificationFacts({ userId: "l1", db })).results.chapters).toHaveLength(1);

    await edit(EDITED);
    const outcome = await publishDraft({
      ...chapter,
      version: await draftVersion(),
      note: "重大修订",
      major: true,
      actorId: "t1",
      db,
    });
    expect(outcome).toEqual({ ok: true, number: 4 });
    expect((await stat())[0]).toMatchObject({ passed: false, relearn: true, bestPercent: 100 });
    expect((await loadCertificationFacts({ userId: "l1", db })).results.chapters).toHaveLength(0);

    // Passing the new revision clears the flag.
    await db.insert(checkAttempts).values({
      id: crypto.randomUUID(),
      userId: "l1",
      moduleSlug: SLUG,
      contentVersion: "v4",
      locale: "zh-CN",
      answers: {},
      score: 8,
      maxScore: 8,
      percent: 100,
      passed: true,
      createdAt: new Date(Date.now() + 1000),
    });
    await db.batch(refreshChapterStats({ userId: "l1", slug: SLUG, db }) as never);
    expect((await stat())[0]).toMatchObject({ passed: true, relearn: false });
  });

  it("creates a new module from a template that validates and sorts after the shipped chapters", async () => {
    await createContentItem({ kind: "chapter", slug: "cash-handling", actorId: "t1", db });
    await expect(
      createContentItem({ kind: "chapter", slug: "cash-handling", actorId: "t1", db }),
    ).rejects.toMatchObject({
      code: "conflict:content_exists",
    });
    const version =
      (await getContentItem({ kind: "chapter", slug: "cash-handling", db }))?.draft.version ?? 0;
    const outcome = await publishDraft({
      kind: "chapter",
      slug: "cash-handling",
      version,
      note: "新模块",
      major: false,
      actorId: "t1",
      db,
    });
    expect(outcome).toEqual({ ok: true, number: 1 });
    expect((await loadCatalog({ db })).chapterSlugs().at(-1)).toBe("cash-handling");
  });

  it("content:import --update publishes changed files as a new revision and leaves edited drafts alone", async () => {
    const files = [{ kind: "chapter" as const, slug: SLUG, version: "x", sources: { "zh-CN": ORIGINAL } }];
    const { updated } = await importContent({ db, update: true, sources: files });
    expect(updated).toBe(1);
    const rows = await db.select().from(contentRevisions).where(eq(contentRevisions.slug, SLUG));
    expect(Math.max(...rows.map((r) => r.number))).toBe(5);
    expect(await importContent({ db, update: true, sources: files })).toEqual({ created: 0, updated: 0 });
  });
});
