import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { submitCheck } from "@/db/use-cases/submit-check";
import { submissionSchema } from "@/lib/assessment/answers-schema";
import { handleRoute, readBody } from "@/lib/http/handle-route";
import { localeOf } from "@/lib/i18n/locales";

type Params = { params: Promise<{ slug: string }> };

/**
 * Submits the learner's open attempt of the chapter's check (started through ./check): scored on
 * the server against the attempt's drawn questions and pinned revision, stored once.
 */
export async function POST(request: Request, { params }: Params) {
  return handleRoute(request, async () => {
    const user = await requireApiUser("learn");
    const body = await readBody(request, submissionSchema, "bad_request:submission");
    const result = await submitCheck({ user, slug: (await params).slug, locale: localeOf(request), ...body });
    return Response.json(result);
  });
}
