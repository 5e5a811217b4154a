import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { importTemplateCsv } from "@/lib/admin-import/template";
import { handleRoute } from "@/lib/http/handle-route";

/** The employee import template, with example rows, in Chinese or English headers. */
export async function GET(request: Request) {
  return handleRoute(request, async () => {
    await requireApiUser("admin");
    const locale = new URL(request.url).searchParams.get("lang") === "en" ? "en" : "zh-CN";
    return new Response(importTemplateCsv(locale), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${locale === "en" ? "employee-import-template.csv" : "employee-import-template-zh.csv"}"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
