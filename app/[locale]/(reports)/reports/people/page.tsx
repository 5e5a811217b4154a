import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireArea, toViewer } from "@/app/[locale]/(auth)/session";
import { ReportNav } from "@/components/reports/report-nav";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClass } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { Link } from "@/components/ui/link";
import { Table } from "@/components/ui/table";
import { listBranchesUnder } from "@/db/queries/branches";
import { listPeople } from "@/db/queries/report-people";
import { findBranchInScope } from "@/db/queries/reports";
import { ROLES } from "@/lib/auth/roles";
import { scopeOf } from "@/lib/auth/scope";
import { formatDate } from "@/lib/i18n/dates";
import { localName } from "@/lib/i18n/local-name";
import { toLocale } from "@/lib/i18n/locales";
import { certState, PEOPLE_COLUMNS } from "@/lib/reports/people-columns";
import { filterQuery, PERSON_STATUSES, parsePeopleFilter } from "@/lib/reports/people-filter";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports.people"))("title") };
}

const PAGE_SIZE = 50;

export default async function PeoplePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireArea("reports");
  const scope = scopeOf(toViewer(user));
  if (!scope) notFound();
  const filter = parsePeopleFilter(await searchParams);
  if (filter.branch && !(await findBranchInScope({ id: filter.branch, scope }))) notFound();
  const [t, tRoles, locale, branches, { total, rows }] = await Promise.all([
    getTranslations("reports.people"),
    getTranslations("roles"),
    getLocale().then(toLocale),
    listBranchesUnder({ path: scope }),
    listPeople({ scope, filter, pageSize: PAGE_SIZE }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const depth = (path: string) => path.split("/").filter(Boolean).length;
  const top = Math.min(...branches.map((b) => depth(b.path)));
  const date = (when: number | string) => formatDate(when, locale);
  const exportQuery = filterQuery(filter);
  const certText = (p: { certifiedUntil: number | null; expiring: boolean; expired: boolean }) => {
    const { key, until } = certState(p);
    return t(key, { date: until === null ? "" : date(until) });
  };

  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <ReportNav current="people" />

      <form
        method="get"
        className="mb-6 rounded-lg border border-slate-200 bg-white p-4"
        aria-label={t("filters")}
      >
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          <Field id="q" label={t("search")} type="search" name="q" defaultValue={filter.q ?? ""} />
          <Select
            id="branch"
            label={t("branch")}
            name="branch"
            defaultValue={filter.branch ?? ""}
            options={branches.map((b) => ({
              value: b.id,
              label: `${"　".repeat(depth(b.path) - top)}${localName(b, locale)}`,
            }))}
            any={t("allBranches")}
          />
          <Select
            id="role"
            label={t("role")}
            name="role"
            defaultValue={filter.role ?? ""}
            options={ROLES.map((r) => ({ value: r, label: tRoles(r) }))}
            any={t("allRoles")}
          />
          <Select
            id="status"
            label={t("status")}
            name="status"
            defaultValue={filter.status ?? ""}
            options={PERSON_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
            any={t("anyStatus")}
          />
          <Field
            id="hiredFrom"
            label={t("hiredFrom")}
            type="date"
            name="hiredFrom"
            defaultValue={filter.hiredFrom ?? ""}
          />
          <Field
            id="hiredTo"
            label={t("hiredTo")}
            type="date"
            name="hiredTo"
            defaultValue={filter.hiredTo ?? ""}
          />
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <button type="submit" className={buttonClass()}>
            {t("apply")}
          </button>
          <Link href="/reports/people" className="text-sm text-brand-700 underline">
            {t("reset")}
          </Link>
        </div>
      </form>

      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm text-slate-700" aria-live="polite">
          {t("count", { total })}
        </p>
        <p className="flex gap-4 text-sm">
          <a href={`/reports/export/people.csv${exportQuery}`} className="text-brand-700 underline">
            {t("exportCsv")}
          </a>
          <a href={`/reports/export/people.xlsx${exportQuery}`} className="text-brand-700 underline">
            {t("exportXlsx")}
          </a>
        </p>
      </div>

      <Table
        caption={t("caption", { page: filter.page, pages })}
        columns={PEOPLE_COLUMNS.map((k) => t(k))}
        empty={t("empty")}
        isEmpty={rows.length === 0}
      >
        {rows.map((p) => (
          <tr key={p.id}>
            <td className="whitespace-nowrap px-3 py-2 tabular-nums">{p.employeeNo}</td>
            <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-normal">
              <Link
                href={`/reports/people/${p.id}`}
                className="text-brand-700 underline-offset-2 hover:underline"
              >
                {p.name}
              </Link>
            </th>
            <td className="whitespace-nowrap px-3 py-2">{localName(p, locale, "branchName")}</td>
            <td className="whitespace-nowrap px-3 py-2">{tRoles(p.role)}</td>
            <td className="whitespace-nowrap px-3 py-2">{date(p.hireDate)}</td>
            <td className="px-3 py-2 tabular-nums">{p.chaptersPassed}</td>
            <td className="px-3 py-2 tabular-nums">{p.scenariosPassed}</td>
            <td className="whitespace-nowrap px-3 py-2">{certText(p)}</td>
            <td className={`px-3 py-2 tabular-nums ${p.overdue > 0 ? "font-semibold text-red-800" : ""}`}>
              {p.overdue}
            </td>
          </tr>
        ))}
      </Table>

      {pages > 1 && (
        <nav aria-label={t("pagination")} className="mt-4 flex items-center justify-between gap-4 text-sm">
          {filter.page > 1 ? (
            <Link
              href={`/reports/people${filterQuery(filter, { page: filter.page - 1 })}`}
              className="text-brand-700 underline"
            >
              {t("prev")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-700">{`${filter.page} / ${pages}`}</span>
          {filter.page < pages ? (
            <Link
              href={`/reports/people${filterQuery(filter, { page: filter.page + 1 })}`}
              className="text-brand-700 underline"
            >
              {t("next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </>
  );
}
