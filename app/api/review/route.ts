import { z } from "zod";
import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { reviewState, startReview } from "@/db/use-cases/daily-review";
import { handleRoute, readBody } from "@/lib/http/handle-route";
import { localeOf } from "@/lib/i18n/locales";

export const dynamic = "force-dynamic";
const noStore = { headers: { "cache-control": "private, no-store" } };

/** The signed-in learner's daily review: what is due, the open review with its answers so far. */
export async function GET(request: Request) {
  return handleRoute(request, async () => {
    const user = await requireApiUser("learn");
    return Response.json(await reviewState({ user, locale: localeOf(request) }), noStore);
  });
}

/** Starts today's review (up to 5 due questions), or resumes the open one. */
export async function POST(request: Request) {
  return handleRoute(request, async () => {
    const user = await requireApiUser("learn");
    await readBody(request, z.strictObject({}), "bad_request:body");
    return Response.json(await startReview({ user, locale: localeOf(request) }), noStore);
  });
}
