import { z } from "zod";
import { itemParams } from "@/lib/authoring/item-params";
import { CONTENT_KINDS, SLUG } from "@/lib/content/sources";
import { AppError } from "@/lib/errors";

/** Longest source a trainer may save: several times the largest shipped chapter (about 31 KB). */
export const MAX_SOURCE = 200_000;
export const MAX_BODY = 2 * MAX_SOURCE + 4096;

const source = z.string().max(MAX_SOURCE);

export const previewSchema = z.strictObject({
  kind: z.enum(CONTENT_KINDS),
  slug: z.string().regex(SLUG).max(60),
  locale: z.enum(["zh-CN", "en"]),
  sources: z.strictObject({ "zh-CN": source, en: source }),
});

export const draftSchema = z.strictObject({
  sourceZh: source,
  sourceEn: source,
  version: z.number().int().min(1),
});

export const publishSchema = z.strictObject({
  version: z.number().int().min(1),
  note: z.string().trim().min(2).max(500),
  major: z.boolean(),
});

export const rollbackSchema = z.strictObject({
  number: z.number().int().min(1),
  note: z.string().trim().min(2).max(500),
});

/** The item a route's path names, or a 404 for anything that is not a kind and a slug. */
export async function parseItem(params: Promise<{ kind: string; slug: string }>) {
  const parsed = itemParams.safeParse(await params);
  if (!parsed.success) throw new AppError("not_found:content");
  return parsed.data;
}
