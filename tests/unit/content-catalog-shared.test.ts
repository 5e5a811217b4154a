import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getContentItem, publishDraft, saveDraft } from "@/db/queries/content-authoring";
import { importContent } from "@/db/queries/content-import";
import { branches, users } from "@/db/schema";
import { setUpTestDb } from "./test-db";

const { db } = setUpTestDb();

const SLUG = "service-efficiency";
const ORIGINAL = readFileSync(`content/chapters/${SLUG}.zh-CN.mdx`, "utf8");
const ORIGINAL_EN = readFileSync(`content/chapters/${SLUG}.en.mdx`, "utf8");
const chapter = { kind: "chapter" as const, slug: SLUG };

/** A fresh copy of the catalog module, as another route's bundle of the production server has. */
async function anotherCopy() {
  vi.resetModules();
  return import("@/db/queries/content-catalog");
}

async function publish(sourceZh: string) {
  const version = (await getContentItem({ ...chapter, db }))?.draft.version ?? 0;
  await saveDraft({ ...chapter, sourceZh, sourceEn: ORIGINAL_EN, version, actorId: "t1", db });
  const draft = (await getContentItem({ ...chapter, db }))?.draft.version ?? 0;
  return publishDraft({ ...chapter, version: draft, note: "", major: false, actorId: "t1", db });
}

beforeAll(async () => {
  await db.insert(branches).values({ id: "b1", code: "B1", name: "总行", nameEn: "HQ", path: "/b1/" });
  await db.insert(users).values({
    id: "t1",
    employeeNo: "T1",
    name: "培训师",
    role: "trainer",
    branchId: "b1",
    hireDate: "2025-01-01",
  });
  await importContent({ db });
});

describe("the content catalog is one per process", () => {
  it("is built once for every copy of the module and for requests that arrive while it is built", {
    timeout: 90_000,
  }, async () => {
    const first = await anotherCopy();
    const second = await anotherCopy();
    expect(first.loadCatalog).not.toBe(second.loadCatalog);
    const all = await Promise.all([
      first.loadCatalog({ db }),
      second.loadCatalog({ db }),
      first.loadCatalog({ db }),
      second.loadCatalog({ db }),
    ]);
    for (const catalog of all) expect(catalog).toBe(all[0]);
    expect(await (await anotherCopy()).loadCatalog({ db })).toBe(all[0]);
  });

  it("is built again after a publish, and every copy gets the new revision", {
    timeout: 90_000,
  }, async () => {
    const first = await anotherCopy();
    const before = await first.loadCatalog({ db });
    const edited = ORIGINAL.replace("\n---\n\n", "\n---\n\n发布后的新段落。\n\n");
    expect(await publish(edited)).toMatchObject({ ok: true });
    const second = await anotherCopy();
    const [a, b] = await Promise.all([first.loadCatalog({ db }), second.loadCatalog({ db })]);
    expect(a).toBe(b);
    expect(a).not.toBe(before);
    const entry = a.findChapter(SLUG, "zh-CN");
    expect(entry?.version).not.toBe(before.findChapter(SLUG, "zh-CN")?.version);
    expect(entry?.result.ok && entry.result.chapter.html).toContain("发布后的新段落");
    // Chapters the publish did not touch keep their revision.
    expect(a.findChapter("basic-skills", "zh-CN")?.version).toBe(
      before.findChapter("basic-skills", "zh-CN")?.version,
    );
  });
});
