import { useFormatter, useTranslations } from "next-intl";

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
        <div className="mt-2 overflow-x-auto">
          <table className="w-full min-w-80 border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("date")}
                </th>
                <th scope="col" className="py-2 pr-4 font-medium">
                  {t("score")}
                </th>
                <th scope="col" className="py-2 font-medium">
                  {t("result")}
                </th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((a) => (
                <tr key={a.id} className="border-b border-slate-200">
                  <td className="py-2 pr-4">
                    {format.dateTime(new Date(a.createdAt), { dateStyle: "medium", timeStyle: "short" })}
                  </td>
                  <td className="py-2 pr-4">{a.percent}%</td>
                  <td className={`py-2 ${a.passed ? "text-emerald-800" : "text-slate-700"}`}>
                    {a.passed ? t("passed") : t("failed")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
