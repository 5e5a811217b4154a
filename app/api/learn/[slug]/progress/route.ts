import { cookies } from "next/headers";
import { z } from "zod";
import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { getCatalog } from "@/db/queries/content-catalog";
import { saveReadingProgress } from "@/db/queries/learning";
import { AppError } from "@/lib/errors";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";

const schema = z.strictObject({ sectionIndex: z.number().int().min(0).max(200) });

/** Records the furthest section of a chapter the learner has reached. */
export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleRoute(async () => {
    const user = await requireApiUser("learn");
    const parsed = schema.safeParse(await readJson(request, 1024));
    if (!parsed.success) throw new AppError("bad_request:progress", "Malformed progress / 进度格式不正确");
    const { slug } = await params;
    const entry = (await getCatalog()).findChapter(
      slug,
      toLocale((await cookies()).get(LOCALE_COOKIE)?.value),
    );
    if (!entry?.result.ok) throw new AppError("not_found:chapter", "No such chapter / 章节不存在");
    const section = entry.result.chapter.toc[parsed.data.sectionIndex];
    if (!section) throw new AppError("bad_request:progress", "No such section / 章节段落不存在");
    await saveReadingProgress({
      userId: user.id,
      moduleSlug: slug,
      sectionIndex: parsed.data.sectionIndex,
      sectionId: section.id,
    });
    return new Response(null, { status: 204 });
  });
}
