import { useFormatter, useTranslations } from "next-intl";
import { Table } from "@/components/ui/table";

export type AttemptRow = { id: string; percent: number; passed: boolean; createdAt: Date | string };

export function AttemptHistory({ attempts }: { attempts: AttemptRow[] }) {
  const t = useTranslations("learn.history");
  const format = useFormatter();
  return (
    <section aria-labelledby="history-title" className="mt-8">
      <h2 id="history-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {attempts.length === 0 ? (
        <p className="mt-2 text-slate-600">{t("empty")}</p>
      ) : (
        <Table caption={t("title")} columns={[t("date"), t("score"), t("result")]} className="mt-2">
          {attempts.map((a) => (
            <tr key={a.id}>
              <td className="px-3 py-2">
                {format.dateTime(new Date(a.createdAt), { dateStyle: "medium", timeStyle: "short" })}
              </td>
              <td className="px-3 py-2">{a.percent}%</td>
              <td className={`px-3 py-2 ${a.passed ? "text-emerald-800" : "text-slate-700"}`}>
                {a.passed ? t("passed") : t("failed")}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
