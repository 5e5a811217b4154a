import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import type { AssignmentWithStatus } from "@/db/queries/assignments";
import { getCatalog } from "@/db/queries/content-catalog";
import { formatDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/locales";
import type { AssignmentStatus } from "@/lib/training/assignment-status";
import { itemHref, itemTitle } from "@/lib/training/item-title";

const TONE: Record<AssignmentStatus, string> = {
  "not-started": "bg-slate-100 text-slate-800 ring-slate-300",
  "in-progress": "bg-sky-100 text-sky-900 ring-sky-300",
  completed: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  overdue: "bg-red-100 text-red-900 ring-red-300",
};

/** What is due, most urgent first; finished items fold away under a disclosure. */
export async function AssignmentList({ items, locale }: { items: AssignmentWithStatus[]; locale: Locale }) {
  const catalog = await getCatalog();
  const t = await getTranslations("assignments");
  const open = items.filter((a) => a.status !== "completed");
  const done = items.filter((a) => a.status === "completed");
  const due = (a: AssignmentWithStatus) => {
    const date = formatDate(a.dueDate, locale);
    if (a.status === "completed") {
      const when = a.completedAt ? formatDate(a.completedAt, locale) : "";
      return `${t("completedOn", { date: when })}${a.late ? ` · ${t("late")}` : ""}`;
    }
    const left =
      a.daysUntilDue < 0
        ? t("overdueBy", { days: -a.daysUntilDue })
        : a.daysUntilDue === 0
          ? t("dueToday")
          : t("dueIn", { days: a.daysUntilDue });
    return `${t("due", { date })} · ${left}`;
  };
  const row = (a: AssignmentWithStatus) => (
    <li key={a.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-2">
      <div className="min-w-0">
        <span className="mr-2 text-xs text-slate-600">{t(`type.${a.itemType}`)}</span>
        <Link href={itemHref(a.itemType, a.itemSlug)} className="font-medium text-brand-700 hover:underline">
          {itemTitle(catalog, a.itemType, a.itemSlug, locale)}
        </Link>
        <span className={`block text-sm ${a.status === "overdue" ? "text-red-800" : "text-slate-600"}`}>
          {due(a)}
        </span>
      </div>
      <span className={`rounded-full px-2 py-0.5 text-sm font-medium ring-1 ${TONE[a.status]}`}>
        {t(`status.${a.status}`)}
      </span>
    </li>
  );

  return (
    <section
      aria-labelledby="assignments-title"
      className="mb-6 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="assignments-title" className="text-lg font-semibold">
          {t("title")}
        </h2>
        {items.length > 0 && (
          <p className="text-sm text-slate-600">{t("summary", { done: done.length, total: items.length })}</p>
        )}
      </div>
      {items.length === 0 ? (
        <p className="mt-2 text-slate-600">{t("none")}</p>
      ) : (
        <>
          {open.length === 0 ? (
            <p className="mt-2 text-emerald-800">{t("allDone")}</p>
          ) : (
            <ul className="mt-2 divide-y divide-slate-100">{open.map(row)}</ul>
          )}
          {done.length > 0 && (
            <details className="mt-2">
              <summary className="cursor-pointer text-sm text-slate-700">
                {t("showCompleted", { count: done.length })}
              </summary>
              <ul className="divide-y divide-slate-100">{done.map(row)}</ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}
