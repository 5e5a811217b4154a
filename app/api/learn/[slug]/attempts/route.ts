import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { submitKnowledgeCheck } from "@/db/use-cases/submit-knowledge-check";
import { handleRoute, readBody } from "@/lib/http/handle-route";
import { localeOf } from "@/lib/i18n/locales";
import { submissionSchema } from "./schema";

type Params = { params: Promise<{ slug: string }> };

/** Scores a knowledge-check submission on the server and stores it once (the client id makes retries safe). */
export async function POST(request: Request, { params }: Params) {
  return handleRoute(request, async () => {
    const user = await requireApiUser("learn");
    const body = await readBody(request, submissionSchema, "bad_request:submission");
    const result = await submitKnowledgeCheck({
      user,
      slug: (await params).slug,
      locale: localeOf(request),
      ...body,
    });
    return Response.json(result);
  });
}
