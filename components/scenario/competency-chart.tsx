import { useTranslations } from "next-intl";
import { Table } from "@/components/ui/table";
import { skillPoints } from "@/lib/scenario/points-display";

type Row = { id: string; label: string; score: number; max: number; percent: number };

/** Bars for the eye and the same numbers as a table for screen readers and print. */
export function CompetencyChart({ rows }: { rows: Row[] }) {
  const t = useTranslations("practice.result");
  return (
    <div className="space-y-4">
      <div aria-hidden className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        {rows.map((r) => (
          <div key={r.id} className="grid grid-cols-[minmax(0,8rem)_1fr_3rem] items-center gap-3 text-sm">
            <span>{r.label}</span>
            <span className="h-3 rounded-full bg-slate-100">
              <span
                className={`block h-3 rounded-full ${r.percent >= 70 ? "bg-emerald-600" : r.percent >= 40 ? "bg-amber-500" : "bg-red-600"}`}
                style={{ width: `${r.percent}%` }}
              />
            </span>
            <span className="text-right">{r.percent}%</span>
          </div>
        ))}
      </div>
      <Table caption={t("chartLabel")} showCaption columns={[t("competency"), t("points"), t("percent")]}>
        {rows.map((r) => {
          const p = skillPoints(r.score, r.max);
          return (
            <tr key={r.id}>
              <th scope="row" className="px-3 py-2 font-normal">
                {r.label}
              </th>
              <td className="px-3 py-2">
                {t("pointsOf", { points: p.counted, max: p.max })}
                {p.earned !== null && (
                  <span className="block text-xs text-slate-600">
                    {t(r.score < 0 ? "belowZero" : "aboveMax", { earned: p.earned })}
                  </span>
                )}
              </td>
              <td className="px-3 py-2">{r.percent}%</td>
            </tr>
          );
        })}
      </Table>
    </div>
  );
}
