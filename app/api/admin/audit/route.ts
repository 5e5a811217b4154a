import { requireApiUser } from "@/app/[locale]/(auth)/session";
import { exportAuditEntries } from "@/db/queries/audit";
import { parseAuditFilters } from "@/lib/audit/filters";
import { csvFile } from "@/lib/csv/csv";
import { handleRoute } from "@/lib/http/handle-route";

export const dynamic = "force-dynamic";

const json = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v));

/** The audit log as CSV (UTF-8 with a BOM for Excel), with the page's filters. Read-only, admins only. */
export async function GET(request: Request) {
  return handleRoute(request, async () => {
    await requireApiUser("admin");
    const params = new URL(request.url).searchParams;
    const rows = await exportAuditEntries({ filters: parseAuditFilters((k) => params.get(k)) });
    const csv = csvFile([
      [
        "time_utc",
        "actor_employee_no",
        "actor_name",
        "action",
        "target_type",
        "target_id",
        "target_employee_no",
        "before",
        "after",
      ],
      ...rows.map((r) => [
        r.createdAt.toISOString(),
        r.actorEmployeeNo ?? "",
        r.actorName ?? "",
        r.action,
        r.targetType,
        r.targetId ?? "",
        r.targetEmployeeNo ?? "",
        json(r.before),
        json(r.after),
      ]),
    ]);
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="audit-log-${stamp}.csv"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
