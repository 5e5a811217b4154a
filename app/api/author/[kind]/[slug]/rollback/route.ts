import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { rollbackToRevision } from "@/db/queries/content-authoring";
import { AppError } from "@/lib/errors";
import { handleRoute, readBody } from "@/lib/http/handle-route";
import { revalidateChapterPages } from "../../../revalidate-chapters";
import { parseItem, rollbackSchema } from "../../../schema";

type Params = { params: Promise<{ kind: string; slug: string }> };

/** Publishes an earlier revision's text again, as a new revision; 422 when it no longer validates. */
export async function POST(request: Request, { params }: Params) {
  return handleRoute(request, async () => {
    const user = await requireApiUser("author");
    const item = await parseItem(params);
    const body = await readBody(request, rollbackSchema, "bad_request:rollback", 4096);
    const outcome = await rollbackToRevision({ ...item, ...body, actorId: user.id });
    if (!outcome.ok) throw new AppError("unprocessable:revision", undefined, { issues: outcome.issues });
    revalidateChapterPages();
    return Response.json({ number: outcome.number });
  });
}
