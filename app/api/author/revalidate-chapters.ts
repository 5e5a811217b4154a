import { revalidatePath } from "next/cache";

/**
 * After a publish or rollback: every cached chapter page renders again on its next request (a
 * scenario's title shows on chapter pages too, so scenarios revalidate them all). The pattern names
 * the route group, as the file system does.
 */
export function revalidateChapterPages() {
  revalidatePath("/[locale]/(learn)/learn/[slug]", "page");
}
