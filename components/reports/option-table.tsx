import { getTranslations } from "next-intl/server";
import { formatPercent } from "@/lib/reports/rates";

type Option = { id: string; text: string; count: number; share: number | null; correct?: boolean };

/** How answers spread over a question's options (or a step's choices), the key marked. */
export async function OptionTable({
  caption,
  options,
  locale,
}: {
  caption: string;
  options: Option[];
  locale: string;
}) {
  const t = await getTranslations("reports.items");
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="px-3 py-2 font-medium">
              {t("option")}
            </th>
            <th scope="col" className="whitespace-nowrap px-3 py-2 text-right font-medium">
              {t("chosen")}
            </th>
            <th scope="col" className="w-1/3 px-3 py-2 font-medium">
              {t("share")}
            </th>
          </tr>
        </thead>
        <tbody>
          {options.map((o) => (
            <tr key={o.id} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="px-3 py-2 text-left font-normal">
                {o.text}
                {o.correct && (
                  <span className="ml-2 rounded bg-emerald-100 px-1.5 text-xs text-emerald-900">
                    {t("key")}
                  </span>
                )}
              </th>
              <td className="px-3 py-2 text-right tabular-nums">{o.count}</td>
              <td className="px-3 py-2">
                <span className="flex items-center gap-2">
                  <span aria-hidden="true" className="h-2 flex-1 rounded-full bg-slate-100">
                    <span
                      className={`block h-2 rounded-full ${o.correct ? "bg-emerald-600" : "bg-slate-500"}`}
                      style={{ width: `${o.share ?? 0}%` }}
                    />
                  </span>
                  <span className="w-14 text-right tabular-nums">{formatPercent(o.share, locale)}</span>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
