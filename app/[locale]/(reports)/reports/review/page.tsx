import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requireArea, toViewer } from "@/app/[locale]/(auth)/session";
import { ReportNav } from "@/components/reports/report-nav";
import { PageHeader } from "@/components/shell/page-header";
import { Link } from "@/components/ui/link";
import { findBranchInScope } from "@/db/queries/reports";
import { loadReviewCounts } from "@/db/queries/review-report";
import { scopeOf } from "@/lib/auth/scope";
import { localName } from "@/lib/i18n/local-name";
import { toLocale } from "@/lib/i18n/locales";
import { formatPercent } from "@/lib/reports/rates";
import { type ReviewFigures, rollUpReviews } from "@/lib/reports/review-habits";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("reports.review"))("title") };
}

/**
 * Review habits and retention per branch, for managers (their subtree, in the SQL) and admins:
 * one row per child branch of the chosen one, a branch name drills down (?branch=<id>).
 */
export default async function ReviewReport({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireArea("reports");
  const scope = scopeOf(toViewer(user));
  if (!scope) notFound();
  const params = await searchParams;
  const branchId = typeof params.branch === "string" ? params.branch : undefined;
  const drill = branchId ? await findBranchInScope({ id: branchId, scope }) : null;
  if (branchId && !drill) notFound();
  const [t, locale] = await Promise.all([getTranslations("reports.review"), getLocale().then(toLocale)]);
  const rootPath = drill?.path ?? scope;
  const report = rollUpReviews({ rootPath, ...(await loadReviewCounts({ rootPath })) });
  const pct = (v: number | null) => formatPercent(v, locale);
  const cells = (f: ReviewFigures) => [
    String(f.learners),
    String(f.withHabit),
    pct(f.habitShare),
    String(f.retentionMistakes),
    pct(f.retentionShare),
  ];
  const head = "px-3 py-2 text-right font-medium";
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <ReportNav current="review" />
      <div className="mb-4 space-y-1 text-sm text-slate-700">
        <p>{t("habitDefinition")}</p>
        <p>{t("retentionDefinition")}</p>
      </div>
      {drill && (
        <Link href="/reports/review" className="mb-3 inline-block text-sm text-brand-700 underline">
          ← {t("up")}
        </Link>
      )}
      {report.total.learners === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-slate-600">
          {t("empty")}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full min-w-[40rem] border-collapse text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("branch")}
                </th>
                {(["learners", "withHabit", "habitShare", "reviewed", "retention"] as const).map((k) => (
                  <th key={k} scope="col" className={head}>
                    {t(k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.rows.map((row) => {
                const name = localName(row.branch, locale);
                return (
                  <tr key={`${row.branch.id}-${row.own}`} className="border-b border-slate-100">
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      {row.own ? (
                        t("own", { name })
                      ) : (
                        <Link
                          href={`/reports/review?branch=${encodeURIComponent(row.branch.id)}`}
                          className="text-brand-700 underline"
                        >
                          {name}
                        </Link>
                      )}
                    </th>
                    {cells(row).map((v, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                      <td key={i} className="px-3 py-2 text-right tabular-nums">
                        {v}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr className="border-t border-slate-300 font-medium">
                <th scope="row" className="px-3 py-2 text-left">
                  {t("total")}
                </th>
                {cells(report.total).map((v, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                  <td key={i} className="px-3 py-2 text-right tabular-nums">
                    {v}
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </>
  );
}
