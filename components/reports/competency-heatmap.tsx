import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { localName } from "@/lib/i18n/local-name";
import type { BranchRow } from "@/lib/reports/overview";
import { formatPercent } from "@/lib/reports/rates";

type Competency = { key: string; label: string; scenario: string };

function tone(value: number | null): string {
  if (value === null) return "bg-slate-50 text-slate-500";
  if (value < 60) return "bg-red-100 text-red-900";
  if (value < 80) return "bg-amber-100 text-amber-900";
  return "bg-emerald-100 text-emerald-900";
}

/**
 * Branches × role-play skills, coloured by the average best score; the numbers are in every cell,
 * and each opens the people behind it (/reports/cell) to assign the role-play to those below the bar.
 */
export async function CompetencyHeatmap({
  rows,
  competencies,
  locale,
}: {
  rows: BranchRow[];
  competencies: Competency[];
  locale: string;
}) {
  const [t, tr] = await Promise.all([getTranslations("reports.overview"), getTranslations("reports")]);
  const scenarios = [...new Set(competencies.map((c) => c.scenario))];
  const name = (r: BranchRow) => {
    const n = localName(r.branch, locale);
    return r.own ? t("ownStaff", { branch: n }) : n;
  };
  return (
    <div className="rounded-lg border border-slate-200 bg-white">
      <ScrollRegion label={t("heatmapTitle")} hint={tr("scrollHint")}>
        <table className="w-full border-collapse text-sm [&_tbody_th]:sticky [&_tbody_th]:left-0 [&_tbody_th]:bg-surface">
          <caption className="px-3 pt-3 text-left text-slate-600">{t("heatmapCaption")}</caption>
          <thead>
            <tr>
              <td />
              {scenarios.map((s) => (
                <th
                  key={s}
                  scope="colgroup"
                  colSpan={competencies.filter((c) => c.scenario === s).length}
                  className="border-l border-slate-200 px-3 pt-2 text-left font-medium"
                >
                  {s}
                </th>
              ))}
            </tr>
            <tr className="border-b border-slate-300">
              <th scope="col" className="px-3 py-2 text-left font-medium">
                {t("branch")}
              </th>
              {competencies.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  className="whitespace-nowrap px-3 py-2 text-left font-normal text-slate-700"
                >
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.branch.id}-${r.own}`} className="border-b border-white">
                <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium">
                  {name(r)}
                </th>
                {competencies.map((c) => {
                  const v = r.competencyAverage[c.key] ?? null;
                  return (
                    <td key={c.key} className={`p-0 text-center tabular-nums ${tone(v)}`}>
                      <Link
                        href={`/reports/cell?branch=${encodeURIComponent(r.branch.id)}${r.own ? "&own=1" : ""}&subject=${encodeURIComponent(`competency:${c.key}`)}`}
                        prefetch={false}
                        aria-label={tr("cell.open", {
                          branch: name(r),
                          what: `${c.scenario} · ${c.label}`,
                          value: formatPercent(v, locale),
                        })}
                        className="block px-3 py-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-700"
                      >
                        {formatPercent(v, locale)}
                      </Link>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="px-3 py-2 text-xs text-slate-600">{t("heatmapLegend")}</p>
    </div>
  );
}
