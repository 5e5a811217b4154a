import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { requireArea, toViewer } from "@/app/[locale]/(auth)/session";
import { BranchTable } from "@/components/reports/branch-table";
import { BranchTrail } from "@/components/reports/branch-trail";
import { CompetencyHeatmap } from "@/components/reports/competency-heatmap";
import { PassRateChart } from "@/components/reports/pass-rate-chart";
import { ReportNav } from "@/components/reports/report-nav";
import { TrendsSection } from "@/components/reports/trends-section";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { Table } from "@/components/ui/table";
import { getCatalog } from "@/db/queries/content-catalog";
import { findBranchInScope, getOverview, listBranchTrail } from "@/db/queries/reports";
import { scopeOf } from "@/lib/auth/scope";
import { toLocale } from "@/lib/i18n/locales";
import { competencyItems, passItems } from "@/lib/reports/items";
import { SORT_KEYS, type SortKey, sortRows } from "@/lib/reports/overview";
import { formatPercent } from "@/lib/reports/rates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports.overview"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

function parseSort(sort: unknown, dir: unknown): { sort: SortKey; dir: "asc" | "desc" } {
  const key =
    typeof sort === "string" &&
    ((SORT_KEYS as readonly string[]).includes(sort) || /^passed:(chapter|scenario):[a-z0-9-]+$/.test(sort))
      ? (sort as SortKey)
      : "name";
  return {
    sort: key,
    dir: dir === "desc" ? "desc" : dir === "asc" ? "asc" : key === "name" ? "asc" : "desc",
  };
}

export default async function ReportsOverview({ searchParams }: { searchParams: Search }) {
  const user = await requireArea("reports");
  const scope = scopeOf(toViewer(user));
  if (!scope) notFound();
  const params = await searchParams;
  const [t, locale] = await Promise.all([getTranslations("reports"), getLocale().then(toLocale)]);
  const branchId = typeof params.branch === "string" ? params.branch : undefined;
  const drill = branchId ? await findBranchInScope({ id: branchId, scope }) : null;
  if (branchId && !drill) notFound();

  const catalog = await getCatalog();
  const items = passItems(catalog, locale);
  const competencies = competencyItems(catalog, locale);
  const [overview, trail] = await Promise.all([
    getOverview({
      rootPath: drill?.path ?? scope,
      items: { passed: items.map((i) => i.key), competencies: competencies.map((c) => c.key) },
    }),
    drill ? listBranchTrail({ path: drill.path, scope }) : [],
  ]);
  const { sort, dir } = parseSort(params.sort, params.dir);
  const rows = sortRows(overview.rows, sort, dir, locale);
  const rootName = overview.root
    ? locale === "en"
      ? overview.root.nameEn
      : overview.root.name
    : t("overview.wholeBank");
  const total = overview.total;
  // A branch with no branches below it: its comparison would be one row of its own staff.
  const leaf = Boolean(drill) && rows.every((r) => r.own);
  const pct = (v: number | null) => formatPercent(v, locale);
  const base: Record<string, string> = drill ? { branch: drill.id } : {};
  const exportQuery = drill ? `?branch=${encodeURIComponent(drill.id)}` : "";
  const chart = items.map((i) => ({
    label: i.short,
    full: i.label,
    value: total.passedShare[i.key] ?? null,
  }));
  const parentPath = drill ? drill.path.slice(0, drill.path.slice(0, -1).lastIndexOf("/") + 1) : "";
  const parentId = parentPath.split("/").filter(Boolean).at(-1);
  const upHref =
    parentId && parentPath.startsWith(scope) && parentPath !== scope
      ? `/reports?branch=${encodeURIComponent(parentId)}`
      : "/reports";

  const cards = [
    { label: t("overview.headcount"), value: String(total.headcount), note: null },
    { label: t("overview.certified"), value: String(total.certified), note: pct(total.certifiedShare) },
    { label: t("overview.expiring"), value: String(total.expiring), note: pct(total.expiringShare) },
    { label: t("overview.expired"), value: String(total.expired), note: pct(total.expiredShare) },
    { label: t("overview.overdue"), value: String(total.overdueAssignments), note: null },
  ];

  return (
    <>
      {drill && <BranchTrail trail={trail} locale={locale} />}
      <PageHeader title={t("overview.title")} intro={t("overview.intro", { branch: rootName })}>
        {drill && (
          <Link
            href={upHref}
            className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-700 hover:bg-slate-50"
          >
            {t("overview.up")}
          </Link>
        )}
      </PageHeader>
      <ReportNav current="overview" />

      {total.headcount === 0 && <EmptyState className="mb-6">{t("overview.empty")}</EmptyState>}

      <dl className="mb-8 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {cards.map((c) => (
          <div key={c.label} className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-600">{c.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums text-slate-900">{c.value}</dd>
            {c.note && (
              <dd className="text-xs text-slate-600">{t("overview.ofHeadcount", { share: c.note })}</dd>
            )}
          </div>
        ))}
      </dl>

      <section aria-labelledby="pass-title" className="mb-10">
        <h2 id="pass-title" className="mb-3 text-lg font-semibold">
          {t("overview.passTitle")}
        </h2>
        <div className="grid items-start gap-4 lg:grid-cols-[3fr_2fr]">
          <div className="rounded-lg border border-slate-200 bg-white p-2">
            <PassRateChart data={chart.map((c) => ({ label: c.label, value: c.value }))} />
          </div>
          <Table
            caption={t("overview.passCaption")}
            showCaption
            testId="pass-table"
            columns={[t("overview.item"), { label: t("overview.passShare"), align: "right" }]}
          >
            {chart.map((c) => (
              <tr key={c.full}>
                <th scope="row" className="px-3 py-1.5 text-left font-normal">
                  {c.full.startsWith(c.label) ? c.full : `${c.label} ${c.full}`}
                </th>
                <td className="px-3 py-1.5 text-right tabular-nums">{pct(c.value)}</td>
              </tr>
            ))}
          </Table>
        </div>
      </section>

      <section aria-labelledby="branches-title" className="mb-10">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="branches-title" className="text-lg font-semibold">
            {t("overview.branchesTitle")}
          </h2>
          <p className="flex gap-3 text-sm">
            <span className="text-slate-600">{t("overview.export")}:</span>
            <a href={`/reports/export/branches.csv${exportQuery}`} className="text-brand-700 underline">
              CSV
            </a>
            <a href={`/reports/export/branches.xlsx${exportQuery}`} className="text-brand-700 underline">
              Excel
            </a>
          </p>
        </div>
        {leaf && drill ? (
          <p className="rounded-lg border border-slate-200 bg-white p-4">
            {t("overview.leaf", { branch: rootName })}{" "}
            <Link
              href={`/reports/people?branch=${encodeURIComponent(drill.id)}`}
              className="font-medium text-brand-700 underline"
            >
              {t("branchPeople", { branch: rootName })}
            </Link>
          </p>
        ) : (
          <BranchTable rows={rows} items={items} locale={locale} sort={sort} dir={dir} base={base} />
        )}
      </section>

      <Suspense
        fallback={
          <p role="status" className="mb-10 text-sm text-slate-600">
            {t("trends.loading")}
          </p>
        }
      >
        <TrendsSection rootPath={drill?.path ?? scope} locale={locale} />
      </Suspense>

      <section aria-labelledby="heatmap-title" className="mb-10">
        <h2 id="heatmap-title" className="mb-3 text-lg font-semibold">
          {t("overview.heatmapTitle")}
        </h2>
        <CompetencyHeatmap rows={rows} competencies={competencies} locale={locale} />
      </section>
    </>
  );
}
