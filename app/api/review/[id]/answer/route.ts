import { z } from "zod";
import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { answerReview } from "@/db/use-cases/daily-review";
import { AppError } from "@/lib/errors";
import { handleRoute, readBody } from "@/lib/http/handle-route";
import { localeOf } from "@/lib/i18n/locales";

const answerSchema = z.strictObject({
  key: z.string().min(1).max(120),
  tokens: z.array(z.string().min(1).max(32)).min(1).max(12),
});

/** Answers one question of the learner's open daily review: scored here, full feedback at once. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(request, async () => {
    const user = await requireApiUser("learn");
    const id = z.uuid().safeParse((await params).id);
    if (!id.success) throw new AppError("not_found:attempt");
    const body = await readBody(request, answerSchema, "bad_request:answer");
    return Response.json(
      await answerReview({ user, attemptId: id.data, ...body, locale: localeOf(request) }),
    );
  });
}
