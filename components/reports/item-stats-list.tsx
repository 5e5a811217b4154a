import { getTranslations } from "next-intl/server";
import type { Question } from "@/lib/content/types";
import type { ItemStatistics, ItemSums } from "@/lib/reports/item-stats";
import { formatPercent, share } from "@/lib/reports/rates";
import { OptionTable } from "./option-table";

const FLAG_STYLE = {
  "too-easy": "border-sky-300 bg-sky-50 text-sky-900",
  "too-hard": "border-amber-300 bg-amber-50 text-amber-900",
  "negative-discrimination": "border-red-300 bg-red-50 text-red-900",
} as const;

/**
 * A chapter's pool with each question's statistics: times drawn, facility, point-biserial
 * discrimination, the spread over its options (the key marked) and any flag with what to do.
 */
export async function ItemStatsList({
  questions,
  locale,
}: {
  questions: readonly { question: Question; number: number; sums: ItemSums; stats: ItemStatistics }[];
  locale: string;
}) {
  const [t, tp] = await Promise.all([getTranslations("reports.items"), getTranslations("practice")]);
  const decimals = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return (
    <ol className="space-y-4">
      {questions.map(({ question: q, number, sums, stats: s }) => (
        <li key={q.id} className="rounded-lg border border-slate-200 bg-white p-4">
          <h3 className="font-medium">{`${number}. ${q.prompt}`}</h3>
          <p className="mb-2 text-sm text-slate-600">
            {q.section !== null && <>{t("section", { n: q.section })} · </>}
            {t("drawn", { count: s.drawn })} ·{" "}
            {t("correct", { share: formatPercent(share(sums.correct, sums.drawn), locale) })} ·{" "}
            {t("discrimination", {
              value: s.discrimination === null ? "—" : decimals.format(s.discrimination),
            })}
          </p>
          {s.flags.map((flag) => (
            <p key={flag} className={`mb-2 rounded-md border p-2 text-sm ${FLAG_STYLE[flag]}`}>
              <strong>{tp("labelled", { label: t(`flag.${flag}`) })}</strong>
              {t(`flagHelp.${flag}`)}
            </p>
          ))}
          {s.drawn === 0 ? (
            <p className="text-sm text-slate-600">{t("noDraws")}</p>
          ) : (
            <OptionTable
              caption={t("caption", { prompt: q.prompt })}
              locale={locale}
              options={q.options.map((o) => {
                const count = sums.picks.find((p) => p.optionId === o.id)?.count ?? 0;
                return { id: o.id, text: o.text, correct: o.correct, count, share: share(count, s.drawn) };
              })}
            />
          )}
        </li>
      ))}
    </ol>
  );
}
