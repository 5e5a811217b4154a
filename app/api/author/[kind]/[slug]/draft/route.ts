import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { saveDraft } from "@/db/queries/content-authoring";
import { handleRoute, readBody } from "@/lib/http/handle-route";
import { draftSchema, MAX_BODY, parseItem } from "../../../schema";

type Params = { params: Promise<{ kind: string; slug: string }> };

/** Saves the shared draft; 409 when someone else saved since the version the editor started from. */
export async function PUT(request: Request, { params }: Params) {
  return handleRoute(request, async () => {
    const user = await requireApiUser("author");
    const item = await parseItem(params);
    const { sourceZh, sourceEn, version } = await readBody(
      request,
      draftSchema,
      "bad_request:draft",
      MAX_BODY,
    );
    const next = await saveDraft({
      ...item,
      sourceZh,
      sourceEn: sourceEn.trim() ? sourceEn : null,
      version,
      actorId: user.id,
    });
    return Response.json({ version: next });
  });
}
