import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { ImportStatusBadge } from "@/components/admin/import-status-badge";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { Table } from "@/components/ui/table";
import { getUpload, planImport } from "@/db/queries/admin-import";
import { IMPORT_FIELDS, type ImportField } from "@/lib/admin-import/columns";
import type { PlannedRow, RowAction } from "@/lib/admin-import/plan";
import { ImportConfirm } from "./import-confirm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminImport"))("preview.title") };
}

const PAGE_SIZE = 200;
const SHOWS = ["all", "error", "create", "update", "unchanged"] as const;
type Show = (typeof SHOWS)[number];

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ show?: string; page?: string; changed?: string }>;
};

export default async function ImportPreview({ params, searchParams }: Props) {
  await requireArea("admin");
  const [{ id }, query] = await Promise.all([params, searchParams]);
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const [t, tRoles, format] = await Promise.all([
    getTranslations("adminImport"),
    getTranslations("roles"),
    getFormatter(),
  ]);
  const upload = await getUpload({ id });
  if (!upload) {
    return (
      <>
        <PageHeader title={t("preview.title")} />
        <EmptyState>
          {t("preview.expired")}{" "}
          <Link href="/admin/users/import" className="font-medium text-brand-700 underline">
            {t("preview.uploadAgain")}
          </Link>
        </EmptyState>
      </>
    );
  }
  const plan = await planImport({ bytes: upload.content });
  const show: Show = SHOWS.includes(query.show as Show)
    ? (query.show as Show)
    : plan.counts.error > 0
      ? "error"
      : "all";
  const rows = show === "all" ? plan.rows : plan.rows.filter((r) => r.action === show);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number(query.page) || 1));
  const visible = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const valid = plan.counts.create + plan.counts.update;
  const branchLabel = (branchId: string) => plan.branchCodes.get(branchId) ?? branchId;

  const explain = (row: PlannedRow): string => {
    if (row.action === "error") {
      return row.errors
        .map((e) =>
          t(`errors.${e.code}`, {
            field: t(`fields.${e.field}`),
            value: row.cells[e.field],
            lines: e.detail ?? "",
          }),
        )
        .join(t("separator"));
    }
    if (row.action === "update" && row.before && row.record) {
      const { before, record } = row;
      const show = (f: ImportField, r: typeof before) =>
        f === "branch"
          ? branchLabel(r.branchId)
          : f === "role"
            ? tRoles(r.role)
            : f === "active"
              ? t(r.active ? "yes" : "no")
              : f === "email"
                ? (r.email ?? "—")
                : String(r[f as "name" | "hireDate"]);
      return (row.changes ?? [])
        .map((f) => t("change", { field: t(`fields.${f}`), before: show(f, before), after: show(f, record) }))
        .join(t("separator"));
    }
    return "";
  };
  const link = (s: Show, p = 1) => `/admin/users/import/${id}?show=${s}${p > 1 ? `&page=${p}` : ""}`;

  return (
    <>
      <PageHeader title={t("preview.title")} intro={t("preview.intro", { file: upload.fileName })}>
        <Link href="/admin/users/import" className="text-sm font-medium text-brand-700 underline">
          {t("preview.uploadAgain")}
        </Link>
      </PageHeader>
      {query.changed && (
        <p role="alert" className="mb-4 rounded-lg bg-amber-50 p-4 text-amber-900 ring-1 ring-amber-200">
          {t("preview.changed")}
        </p>
      )}
      {plan.problems.length > 0 ? (
        <div role="alert" className="space-y-2 rounded-lg bg-red-50 p-5 text-red-900 ring-1 ring-red-200">
          {plan.problems.map((p) => (
            <p key={p.code}>
              {p.code === "missing_columns"
                ? t("problems.missing_columns", {
                    columns: format.list(
                      p.columns.map((c) => t(`fields.${c}`)),
                      { type: "conjunction" },
                    ),
                  })
                : p.code === "too_many_rows"
                  ? t("problems.too_many_rows", { max: p.max, found: p.found })
                  : t(`problems.${p.code}`)}
            </p>
          ))}
          <p>
            <Link href="/admin/users/import" className="font-medium underline">
              {t("preview.uploadAgain")}
            </Link>
          </p>
        </div>
      ) : (
        <>
          <dl className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
            {(["create", "update", "unchanged", "error"] as RowAction[]).map((a) => (
              <div key={a} className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
                <dt className="text-sm text-slate-600">{t(`actions.${a}`)}</dt>
                <dd className="text-2xl font-semibold" data-testid={`count-${a}`}>
                  {plan.counts[a]}
                </dd>
              </div>
            ))}
          </dl>
          {upload.importedAt ? (
            <p
              role="status"
              className="mb-4 rounded-lg bg-emerald-50 p-4 text-emerald-900 ring-1 ring-emerald-200"
            >
              {t("preview.alreadyImported")}
            </p>
          ) : (
            <div className="mb-6">
              <ImportConfirm uploadId={id} digest={plan.digest} validCount={valid} />
            </div>
          )}
          <nav aria-label={t("preview.filter")} className="mb-3 flex flex-wrap gap-2 text-sm">
            {SHOWS.map((s) => (
              <Link
                key={s}
                href={link(s)}
                aria-current={s === show ? "page" : undefined}
                className="rounded-full px-3 py-1 ring-1 ring-slate-300 aria-[current=page]:bg-brand-700 aria-[current=page]:text-white aria-[current=page]:ring-brand-700"
              >
                {s === "all"
                  ? t("preview.all", { count: plan.rows.length })
                  : `${t(`actions.${s}`)} (${plan.counts[s]})`}
              </Link>
            ))}
          </nav>
          <Table
            caption={t("preview.caption")}
            columns={[
              t("preview.line"),
              t("preview.result"),
              ...IMPORT_FIELDS.map((f) => ({ key: f, label: t(`fields.${f}`) })),
              t("preview.reason"),
            ]}
            empty={t("preview.none")}
            isEmpty={visible.length === 0}
          >
            {visible.map((row) => (
              <tr key={row.line} className="align-top" data-testid={`row-${row.line}`}>
                <td className="px-3 py-2 tabular-nums">{row.line}</td>
                <td className="px-3 py-2">
                  <ImportStatusBadge action={row.action} />
                </td>
                {IMPORT_FIELDS.map((f) => (
                  <td
                    key={f}
                    className={`px-3 py-2 whitespace-nowrap ${row.errors.some((e) => e.field === f) ? "font-medium text-red-800" : ""}`}
                  >
                    {row.cells[f]}
                  </td>
                ))}
                <td
                  className={`min-w-64 px-3 py-2 ${row.action === "error" ? "text-red-800" : "text-slate-700"}`}
                >
                  {explain(row)}
                </td>
              </tr>
            ))}
          </Table>
          {pages > 1 && (
            <nav aria-label={t("preview.pages")} className="mt-3 flex flex-wrap gap-2 text-sm">
              {Array.from({ length: pages }, (_, i) => i + 1).map((p) => (
                <Link
                  key={p}
                  href={link(show, p)}
                  aria-current={p === page ? "page" : undefined}
                  className="rounded px-2 py-1 ring-1 ring-slate-300 aria-[current=page]:bg-slate-800 aria-[current=page]:text-white"
                >
                  {p}
                </Link>
              ))}
            </nav>
          )}
        </>
      )}
    </>
  );
}
