import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { requireArea, toViewer } from "@/app/[locale]/(auth)/session";
import { ReportNav } from "@/components/reports/report-nav";
import { PageHeader } from "@/components/shell/page-header";
import { listBranchesUnder } from "@/db/queries/branches";
import { listPeople } from "@/db/queries/report-people";
import { findBranchInScope } from "@/db/queries/reports";
import { ROLES } from "@/lib/auth/roles";
import { scopeOf } from "@/lib/auth/scope";
import { localName } from "@/lib/i18n/local-name";
import { toLocale } from "@/lib/i18n/locales";
import { filterQuery, PERSON_STATUSES, parsePeopleFilter } from "@/lib/reports/people-filter";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports.people"))("title") };
}

const PAGE_SIZE = 50;
const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

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
  const [t, tRoles, format, locale, branches, { total, rows }] = await Promise.all([
    getTranslations("reports.people"),
    getTranslations("roles"),
    getFormatter(),
    getLocale().then(toLocale),
    listBranchesUnder({ path: scope }),
    listPeople({ scope, filter, pageSize: PAGE_SIZE }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const depth = (path: string) => path.split("/").filter(Boolean).length;
  const top = Math.min(...branches.map((b) => depth(b.path)));
  const date = (ms: number) => format.dateTime(new Date(ms), { dateStyle: "medium" });
  const exportQuery = filterQuery(filter);

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
          <label className="text-sm font-medium">
            {t("search")}
            <input type="search" name="q" defaultValue={filter.q ?? ""} className={field} />
          </label>
          <label className="text-sm font-medium">
            {t("branch")}
            <select name="branch" defaultValue={filter.branch ?? ""} className={field}>
              <option value="">{t("allBranches")}</option>
              {branches.map((b) => (
                <option key={b.id} value={b.id}>
                  {`${"　".repeat(depth(b.path) - top)}${localName(b, locale)}`}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium">
            {t("role")}
            <select name="role" defaultValue={filter.role ?? ""} className={field}>
              <option value="">{t("allRoles")}</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {tRoles(r)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium">
            {t("status")}
            <select name="status" defaultValue={filter.status ?? ""} className={field}>
              <option value="">{t("anyStatus")}</option>
              {PERSON_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-medium">
            {t("hiredFrom")}
            <input type="date" name="hiredFrom" defaultValue={filter.hiredFrom ?? ""} className={field} />
          </label>
          <label className="text-sm font-medium">
            {t("hiredTo")}
            <input type="date" name="hiredTo" defaultValue={filter.hiredTo ?? ""} className={field} />
          </label>
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <button
            type="submit"
            className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
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

      {rows.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          {t("empty")}
        </p>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{t("caption", { page: filter.page, pages })}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                {[
                  "employeeNo",
                  "name",
                  "branch",
                  "role",
                  "hireDate",
                  "chapters",
                  "scenarios",
                  "certification",
                  "overdueCol",
                ].map((k) => (
                  <th key={k} scope="col" className="whitespace-nowrap px-3 py-2 font-medium">
                    {t(k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id} className="border-b border-slate-100 last:border-0">
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
                  <td className="whitespace-nowrap px-3 py-2 tabular-nums">{p.hireDate}</td>
                  <td className="px-3 py-2 tabular-nums">{p.chaptersPassed}</td>
                  <td className="px-3 py-2 tabular-nums">{p.scenariosPassed}</td>
                  <td className="whitespace-nowrap px-3 py-2">
                    {p.certifiedUntil !== null
                      ? t(p.expiring ? "certState.expiring" : "certState.valid", {
                          date: date(p.certifiedUntil),
                        })
                      : t(p.expired ? "certState.expired" : "certState.none")}
                  </td>
                  <td
                    className={`px-3 py-2 tabular-nums ${p.overdue > 0 ? "font-semibold text-red-800" : ""}`}
                  >
                    {p.overdue}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

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
