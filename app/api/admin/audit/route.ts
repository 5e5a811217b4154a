import { getTranslations } from "next-intl/server";
import { auditView } from "@/app/[locale]/(admin)/admin/audit/audit-view";
import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { exportAuditEntries } from "@/db/queries/audit";
import { auditCsvHeader, fieldsCell } from "@/lib/audit/csv";
import { parseAuditFilters } from "@/lib/audit/filters";
import { csvFile } from "@/lib/csv/csv";
import { handleRoute } from "@/lib/http/handle-route";
import { formatDateTime } from "@/lib/i18n/dates";
import { localeOf } from "@/lib/i18n/locales";

export const dynamic = "force-dynamic";

/** Names are read for this many entries at a time (each read is bounded by SQLite's parameter limit). */
const NAMES_CHUNK = 500;

/**
 * The audit log as CSV (UTF-8 with a BOM for Excel), with the page's filters: headers in the
 * viewer's language, times in Beijing time as on the page, subjects and fields by name. The
 * subject's type and id stay raw beside them for matching. Read-only, admins only.
 */
export async function GET(request: Request) {
  return handleRoute(request, async () => {
    await requireApiUser("admin");
    const params = new URL(request.url).searchParams;
    const locale = localeOf(request);
    const rows = await exportAuditEntries({ filters: parseAuditFilters((k) => params.get(k)) });
    const t = await getTranslations({ locale, namespace: "audit.csv" });
    const english = locale === "en";
    const lines: unknown[][] = [auditCsvHeader((c) => t(c))];
    for (let i = 0; i < rows.length; i += NAMES_CHUNK) {
      for (const e of await auditView(rows.slice(i, i + NAMES_CHUNK), locale)) {
        const r = e.row;
        lines.push([
          formatDateTime(r.createdAt, locale, { seconds: true }),
          e.who,
          r.actorEmployeeNo ?? "",
          r.actorAddress ?? "",
          e.action,
          r.action,
          e.subject,
          r.targetType,
          r.targetId ?? "",
          fieldsCell(e.before, english),
          fieldsCell(e.after, english),
        ]);
      }
    }
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(csvFile(lines), {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="audit-log-${stamp}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
