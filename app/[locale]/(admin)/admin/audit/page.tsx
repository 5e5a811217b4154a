import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClass } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { Link } from "@/components/ui/link";
import { Table } from "@/components/ui/table";
import { type AuditRow, listAuditActions, listAuditEntries } from "@/db/queries/audit";
import { parseAuditFilters } from "@/lib/audit/filters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminAudit"))("title") };
}

type Search = Record<string, string | string[] | undefined>;

function Change({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-slate-500">—</span>;
  if (typeof value !== "object") return <span>{String(value)}</span>;
  return (
    <dl className="space-y-0.5">
      {Object.entries(value as Record<string, unknown>).map(([k, v]) => (
        <div key={k} className="flex gap-1">
          <dt className="text-slate-500">{k}:</dt>
          <dd className="break-all">{typeof v === "object" && v !== null ? JSON.stringify(v) : String(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireArea("admin");
  const s = await searchParams;
  const get = (k: string) => (typeof s[k] === "string" ? (s[k] as string) : undefined);
  const filters = parseAuditFilters(get);
  const page = Math.max(1, Number(get("page")) || 1);
  const [t, format, actions, { rows, hasMore }] = await Promise.all([
    getTranslations("adminAudit"),
    getFormatter(),
    listAuditActions(),
    listAuditEntries({ filters, page }),
  ]);
  const query = new URLSearchParams(Object.entries(filters).filter(([, v]) => v) as [string, string][]);
  const pageLink = (p: number) => `/admin/audit?${new URLSearchParams([...query, ["page", String(p)]])}`;
  const label = (action: string) => (t.has(`actions.${action}`) ? t(`actions.${action}`) : action);
  const who = (r: AuditRow) =>
    r.actorEmployeeNo
      ? `${r.actorName} (${r.actorEmployeeNo})`
      : r.actorAddress
        ? t("anonymous", { address: r.actorAddress })
        : t("system");
  const target = (r: AuditRow) =>
    r.targetEmployeeNo
      ? `${r.targetName} (${r.targetEmployeeNo})`
      : `${t.has(`targets.${r.targetType}`) ? t(`targets.${r.targetType}`) : r.targetType} ${r.targetId ?? ""}`;

  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")}>
        <a href={`/api/admin/audit?${query}`} className={buttonClass()} download>
          {t("export")}
        </a>
      </PageHeader>
      <form
        method="get"
        className="mb-6 grid gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-6 lg:items-end"
      >
        <Select
          id="action"
          label={t("filters.action")}
          name="action"
          defaultValue={filters.action ?? ""}
          options={actions.map((a) => ({ value: a, label: label(a) }))}
          className="lg:col-span-2"
          any={t("filters.any")}
        />
        <Field
          id="actor"
          label={t("filters.actor")}
          name="actor"
          defaultValue={filters.actor}
          maxLength={32}
        />
        <Field
          id="target"
          label={t("filters.target")}
          name="target"
          defaultValue={filters.target}
          maxLength={64}
        />
        <Field id="from" label={t("filters.from")} name="from" type="date" defaultValue={filters.from} />
        <Field id="to" label={t("filters.to")} name="to" type="date" defaultValue={filters.to} />
        <div className="flex gap-3 sm:col-span-2 lg:col-span-6">
          <button type="submit" className={buttonClass("dark")}>
            {t("filters.apply")}
          </button>
          <Link href="/admin/audit" className="rounded-md px-4 py-2 font-medium text-brand-700 underline">
            {t("filters.clear")}
          </Link>
        </div>
      </form>
      <p className="mb-2 text-sm text-slate-600">{t("readOnly")}</p>
      <Table
        caption={t("title")}
        columns={(["when", "who", "what", "target", "before", "after"] as const).map((c) =>
          t(`columns.${c}`),
        )}
        empty={t("none")}
        isEmpty={rows.length === 0}
      >
        {rows.map((r) => (
          <tr key={r.id} className="align-top">
            <td className="px-3 py-2 whitespace-nowrap tabular-nums">
              {format.dateTime(r.createdAt, {
                dateStyle: "medium",
                timeStyle: "medium",
                timeZone: "Asia/Shanghai",
              })}
            </td>
            <td className="px-3 py-2 whitespace-nowrap">{who(r)}</td>
            <td className="px-3 py-2 whitespace-nowrap font-medium">{label(r.action)}</td>
            <td className="px-3 py-2 whitespace-nowrap">{target(r)}</td>
            <td className="min-w-48 px-3 py-2 text-xs">
              <Change value={r.before} />
            </td>
            <td className="min-w-48 px-3 py-2 text-xs">
              <Change value={r.after} />
            </td>
          </tr>
        ))}
      </Table>
      {(page > 1 || hasMore) && (
        <nav aria-label={t("pages")} className="mt-3 flex gap-4 text-sm">
          {page > 1 && (
            <Link href={pageLink(page - 1)} className="text-brand-700 underline">
              {t("newer")}
            </Link>
          )}
          {hasMore && (
            <Link href={pageLink(page + 1)} className="text-brand-700 underline">
              {t("older")}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
