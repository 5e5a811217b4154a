import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { publishDraft } from "@/db/queries/content-authoring";
import { AppError } from "@/lib/errors";
import { handleRoute, readBody } from "@/lib/http/handle-route";
import { revalidateChapterPages } from "../../../revalidate-chapters";
import { parseItem, publishSchema } from "../../../schema";

type Params = { params: Promise<{ kind: string; slug: string }> };

/** Publishes the saved draft as a new immutable revision; a draft with errors gets 422 and its issues. */
export async function POST(request: Request, { params }: Params) {
  return handleRoute(request, async () => {
    const user = await requireApiUser("author");
    const item = await parseItem(params);
    const body = await readBody(request, publishSchema, "bad_request:publish", 4096);
    const outcome = await publishDraft({ ...item, ...body, actorId: user.id });
    if (!outcome.ok) throw new AppError("unprocessable:draft", undefined, { issues: outcome.issues });
    revalidateChapterPages();
    return Response.json({ number: outcome.number });
  });
}
