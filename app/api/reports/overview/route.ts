import { requireApiUser, toViewer } from "@/app/[locale]/(auth)/session";
import { getCatalog } from "@/db/queries/content-catalog";
import { findBranchInScope, getOverview } from "@/db/queries/reports";
import { scopeOf } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/handle-route";
import { competencyItems, passItems } from "@/lib/reports/items";

/** The overview as JSON (`?branch=<id>` for a branch inside the caller's scope): what the report page shows. */
export async function GET(request: Request) {
  return handleRoute(request, async () => {
    const user = await requireApiUser("reports");
    const scope = scopeOf(toViewer(user));
    if (!scope) throw new AppError("forbidden:reports");
    const branchId = new URL(request.url).searchParams.get("branch");
    const drill = branchId ? await findBranchInScope({ id: branchId, scope }) : null;
    if (branchId && !drill) throw new AppError("not_found:branch");
    const catalog = await getCatalog();
    const overview = await getOverview({
      rootPath: drill?.path ?? scope,
      items: {
        passed: passItems(catalog, "zh-CN").map((i) => i.key),
        competencies: competencyItems(catalog, "zh-CN").map((c) => c.key),
      },
    });
    return Response.json(overview, { headers: { "cache-control": "no-store" } });
  });
}
