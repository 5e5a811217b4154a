import { useTranslations } from "next-intl";

type Step = { key: "chapters" | "scenarios" | "exam"; done: number; total: number };

/**
 * The way to a certification as one meter: chapters passed, role-plays at their mark, the exam, then
 * the certificate. The bar is a progressbar with the whole in words; each step repeats its share.
 */
export function OverallProgress({
  steps,
  read,
  certified,
}: {
  steps: Step[];
  read: number;
  certified: boolean;
}) {
  const t = useTranslations("home.learner.progress");
  const done = steps.reduce((n, s) => n + Math.min(s.done, s.total), 0);
  const total = steps.reduce((n, s) => n + s.total, 0);
  const percent = certified ? 100 : total === 0 ? 0 : Math.floor((done / total) * 100);
  return (
    <div className="mt-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span id="overall-progress-label" className="font-medium">
          {t("label")}
        </span>
        <span className="text-slate-700">{t("percent", { percent })}</span>
      </div>
      <div
        role="progressbar"
        aria-labelledby="overall-progress-label"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t("valueText", { percent, done, total })}
        className="mt-1 h-2.5 overflow-hidden rounded-full bg-slate-100"
      >
        <div className="h-full rounded-full bg-brand-700" style={{ width: `${percent}%` }} />
      </div>
      <ol className="mt-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
        {steps.map((s) => (
          <li
            key={s.key}
            className={`rounded-md border px-2 py-1.5 ${s.done >= s.total ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-slate-200 text-slate-700"}`}
          >
            <span className="block text-xs">{t(s.key)}</span>
            <span className="font-medium">
              {s.key === "exam"
                ? s.done >= s.total
                  ? t("examDone")
                  : t("examToDo")
                : t("count", { done: s.done, total: s.total })}
            </span>
            {s.key === "chapters" && <span className="block text-xs">{t("read", { read })}</span>}
          </li>
        ))}
        <li
          className={`rounded-md border px-2 py-1.5 ${certified ? "border-emerald-300 bg-emerald-50 text-emerald-900" : "border-slate-200 text-slate-700"}`}
        >
          <span className="block text-xs">{t("certificate")}</span>
          <span className="font-medium">{certified ? t("certified") : t("notYet")}</span>
        </li>
      </ol>
    </div>
  );
}
