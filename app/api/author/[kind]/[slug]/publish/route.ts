import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { publishDraft } from "@/db/queries/content-authoring";
import { AppError } from "@/lib/errors";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { revalidateChapterPages } from "../../../revalidate-chapters";
import { parseItem, publishSchema } from "../../../schema";

type Params = { params: Promise<{ kind: string; slug: string }> };

/** Publishes the saved draft as a new immutable revision; a draft with errors gets 422 and its issues. */
export async function POST(request: Request, { params }: Params) {
  return handleRoute(async () => {
    const user = await requireApiUser("author");
    const item = await parseItem(params);
    const parsed = publishSchema.safeParse(await readJson(request, 4096));
    if (!parsed.success) throw new AppError("bad_request:publish", "Malformed request / 发布请求格式不正确");
    const outcome = await publishDraft({ ...item, ...parsed.data, actorId: user.id });
    if (!outcome.ok)
      return Response.json(
        {
          code: "invalid:content",
          message: "The draft has errors / 草稿有错误，不能发布",
          issues: outcome.issues,
        },
        { status: 422 },
      );
    revalidateChapterPages();
    return Response.json({ number: outcome.number });
  });
}
