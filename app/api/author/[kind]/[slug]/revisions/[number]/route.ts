import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { getRevision } from "@/db/queries/content-authoring";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/handle-route";
import { toLocale } from "@/lib/i18n/locales";
import { parseItem } from "../../../../schema";

type Params = { params: Promise<{ kind: string; slug: string; number: string }> };

/** Downloads one locale of a revision as the file content/ would hold (`?locale=en`, default zh-CN). */
export async function GET(request: Request, { params }: Params) {
  return handleRoute(request, async () => {
    await requireApiUser("author");
    const item = await parseItem(params);
    const number = Number((await params).number);
    if (!Number.isInteger(number) || number < 1) throw new AppError("not_found:revision");
    const revision = await getRevision({ ...item, number });
    const locale = toLocale(new URL(request.url).searchParams.get("locale"));
    const text = locale === "en" ? revision?.sourceEn : revision?.sourceZh;
    if (!revision || text === null || text === undefined) throw new AppError("not_found:revision");
    const name = `${item.slug}.${locale}.${item.kind === "chapter" ? "mdx" : "yaml"}`;
    return new Response(text, {
      headers: {
        "content-type": `${item.kind === "chapter" ? "text/markdown" : "application/yaml"}; charset=utf-8`,
        "content-disposition": `attachment; filename="${name}"`,
        "cache-control": "private, no-store",
      },
    });
  });
}
