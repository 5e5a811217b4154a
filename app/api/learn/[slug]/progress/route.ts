import { z } from "zod";
import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { recordReadingProgress } from "@/db/use-cases/record-reading-progress";
import { handleRoute, readBody } from "@/lib/http/handle-route";
import { localeOf } from "@/lib/i18n/locales";

const schema = z.strictObject({ sectionIndex: z.number().int().min(0).max(200) });

type Params = { params: Promise<{ slug: string }> };

/** Records the furthest section of a chapter the learner has reached. */
export async function POST(request: Request, { params }: Params) {
  return handleRoute(request, async () => {
    const user = await requireApiUser("learn");
    const { sectionIndex } = await readBody(request, schema, "bad_request:progress", 1024);
    await recordReadingProgress({ user, slug: (await params).slug, locale: localeOf(request), sectionIndex });
    return new Response(null, { status: 204 });
  });
}
