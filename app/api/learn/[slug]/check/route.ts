import { z } from "zod";
import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { checkState, startCheck } from "@/db/use-cases/check-attempt";
import { handleRoute, readBody } from "@/lib/http/handle-route";
import { localeOf } from "@/lib/i18n/locales";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };
const noStore = { headers: { "cache-control": "private, no-store" } };

/** The check for the signed-in learner: its policy, whether an attempt may start, the open one, the last result. */
export async function GET(request: Request, { params }: Params) {
  return handleRoute(request, async () => {
    const user = await requireApiUser("learn");
    return Response.json(
      await checkState({ user, slug: (await params).slug, locale: localeOf(request) }),
      noStore,
    );
  });
}

/** Starts an attempt (drawn on the server), or resumes the open one. */
export async function POST(request: Request, { params }: Params) {
  return handleRoute(request, async () => {
    const user = await requireApiUser("learn");
    await readBody(request, z.strictObject({}), "bad_request:body");
    return Response.json(
      await startCheck({ user, slug: (await params).slug, locale: localeOf(request) }),
      noStore,
    );
  });
}
