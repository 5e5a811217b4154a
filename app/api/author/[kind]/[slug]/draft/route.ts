import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { saveDraft } from "@/db/queries/content-authoring";
import { hasIssues, itemLimitIssues } from "@/lib/content/check-item";
import { handleRoute, readBody } from "@/lib/http/handle-route";
import { refusal } from "../../../refusal";
import { draftSchema, MAX_BODY, parseItem } from "../../../schema";

type Params = { params: Promise<{ kind: string; slug: string }> };

/**
 * Saves the shared draft; 409 when someone else saved since the version the editor started from,
 * 413/422 when a text is over the size and complexity limits.
 */
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
    // A draft may have errors, but not be too large or complex to ever check (nor to preview for
    // the next trainer who opens it): the limits' linear scan, no parser.
    const limited = itemLimitIssues({
      ...item,
      version: "draft",
      sources: { "zh-CN": sourceZh, en: sourceEn },
    });
    if (hasIssues(limited)) throw refusal("limits", limited);
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
