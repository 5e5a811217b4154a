import { getTranslations } from "next-intl/server";
import { Table } from "@/components/ui/table";
import { getTrends } from "@/db/queries/report-trends";
import type { Locale } from "@/lib/i18n/locales";
import { formatPercent } from "@/lib/reports/rates";
import { TrendChart } from "./trend-chart";

const td = "whitespace-nowrap px-3 py-1.5 text-right tabular-nums";

/**
 * Pass rates and the certification rate by month for the subtree at `rootPath`: a chart, and the same
 * numbers as a table. It reads its own data, so the page streams it behind a Suspense boundary: a
 * year of a large bank's attempts takes longer to count than the rest of the overview.
 */
export async function TrendsSection({ rootPath, locale }: { rootPath: string; locale: Locale }) {
  const [t, tr, rows] = await Promise.all([
    getTranslations("reports.trends"),
    getTranslations("reports"),
    getTrends({ rootPath }),
  ]);
  const month = (m: string) => {
    const [y, mo] = m.split("-").map(Number);
    return new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", timeZone: "UTC" }).format(
      new Date(Date.UTC(y ?? 2000, (mo ?? 1) - 1, 1)),
    );
  };
  const pct = (v: number | null) => formatPercent(v, locale);
  return (
    <section aria-labelledby="trends-title" className="mb-10">
      <h2 id="trends-title" className="mb-1 text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{t("intro")}</p>
      <div className="grid items-start gap-4 lg:grid-cols-[3fr_2fr]">
        <div className="rounded-lg border border-slate-200 bg-white p-2">
          <TrendChart
            data={rows.map((r) => ({ ...r, label: month(r.month) }))}
            series={[
              { key: "checkPassRate", name: t("checkPassRate"), color: "#1d4ed8" },
              { key: "playPassRate", name: t("playPassRate"), color: "#b45309" },
              { key: "certifiedRate", name: t("certifiedRate"), color: "#047857" },
            ]}
          />
        </div>
        <Table
          caption={t("caption")}
          showCaption
          testId="trends-table"
          scrollHint={tr("scrollHint")}
          columns={[
            t("month"),
            { label: t("checkPassRate"), align: "right" },
            { label: t("playPassRate"), align: "right" },
            { label: t("certifiedRate"), align: "right" },
          ]}
        >
          {rows.map((r) => (
            <tr key={r.month}>
              <th scope="row" className="whitespace-nowrap px-3 py-1.5 text-left font-normal">
                {month(r.month)}
              </th>
              <td className={td} title={t("attempts", { count: r.checkAttempts })}>
                {pct(r.checkPassRate)}
              </td>
              <td className={td} title={t("attempts", { count: r.playAttempts })}>
                {pct(r.playPassRate)}
              </td>
              <td className={td}>{pct(r.certifiedRate)}</td>
            </tr>
          ))}
        </Table>
      </div>
    </section>
  );
}
