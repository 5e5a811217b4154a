import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { rollbackToRevision } from "@/db/queries/content-authoring";
import { AppError } from "@/lib/errors";
import { handleRoute, readJson } from "@/lib/http/handle-route";
import { revalidateChapterPages } from "../../../revalidate-chapters";
import { parseItem, rollbackSchema } from "../../../schema";

type Params = { params: Promise<{ kind: string; slug: string }> };

/** Publishes an earlier revision's text again, as a new revision. */
export async function POST(request: Request, { params }: Params) {
  return handleRoute(async () => {
    const user = await requireApiUser("author");
    const item = await parseItem(params);
    const parsed = rollbackSchema.safeParse(await readJson(request, 4096));
    if (!parsed.success) throw new AppError("bad_request:rollback", "Malformed request / 回滚请求格式不正确");
    const outcome = await rollbackToRevision({ ...item, ...parsed.data, actorId: user.id });
    if (!outcome.ok)
      return Response.json(
        {
          code: "invalid:content",
          message: "That revision no longer passes validation / 该版本已无法通过校验",
          issues: outcome.issues,
        },
        { status: 422 },
      );
    revalidateChapterPages();
    return Response.json({ number: outcome.number });
  });
}
