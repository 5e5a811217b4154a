import { z } from "zod";
import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { startScenario } from "@/db/use-cases/start-scenario";
import { handleRoute, readBody } from "@/lib/http/handle-route";
import { localeOf } from "@/lib/i18n/locales";

const schema = z.strictObject({ extendedTime: z.boolean().default(false) });

type Params = { params: Promise<{ slug: string }> };

/** Starts a role-play: the server creates and holds the attempt and returns only the first step's words. */
export async function POST(request: Request, { params }: Params) {
  return handleRoute(request, async () => {
    const user = await requireApiUser("learn");
    const { extendedTime } = await readBody(request, schema, "bad_request:play", 1024);
    const slug = (await params).slug;
    return Response.json(await startScenario({ user, slug, locale: localeOf(request), extendedTime }));
  });
}
