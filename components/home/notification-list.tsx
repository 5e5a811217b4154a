import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm, type FormAction } from "@/components/ui/action-form";
import { getCatalog } from "@/db/queries/content-catalog";
import type { Notification } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import type { AssignmentItemType } from "@/lib/training/assignment-status";
import { itemTitle } from "@/lib/training/item-title";

/** The latest in-app notifications, unread ones marked, with one button to mark them all read. */
export async function NotificationList({
  items,
  unread,
  locale,
  completed,
  markRead,
}: {
  items: Notification[];
  unread: number;
  locale: Locale;
  /** "<itemType>:<slug>" of finished assignments: their older reminders are shown as done. */
  completed: Set<string>;
  /** The server action that marks them read (app/[locale]/(learn)/(shell)/notification-actions.ts). */
  markRead: FormAction;
}) {
  const catalog = await getCatalog();
  const t = await getTranslations("notifications");
  const format = await getFormatter();
  const day = (iso: string | undefined, dateOnly = false) =>
    iso ? format.dateTime(new Date(dateOnly ? `${iso}T00:00:00+08:00` : iso), { dateStyle: "medium" }) : "";
  const settled = (n: Notification) =>
    (n.kind === "due-soon" || n.kind === "overdue") &&
    completed.has(`${n.payload.itemType}:${n.payload.itemSlug}`);
  const text = (n: Notification) => {
    const p = n.payload;
    return t(`kind.${n.kind}`, {
      item: p.itemType ? itemTitle(catalog, p.itemType as AssignmentItemType, p.itemSlug ?? "", locale) : "",
      due: day(p.dueDate, true),
      code: p.code ?? "",
      expires: day(p.expiresAt),
    });
  };
  return (
    <section
      aria-labelledby="notifications-title"
      className="mb-6 rounded-lg border border-slate-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="notifications-title" className="text-lg font-semibold">
          {t("title")}
          {unread > 0 && (
            <span className="ml-2 rounded-full bg-brand-700 px-2 py-0.5 text-sm font-medium text-white">
              {t("unread", { count: unread })}
            </span>
          )}
        </h2>
        {unread > 0 && (
          <ActionForm action={markRead}>
            <button type="submit" className="text-sm font-medium text-brand-700 underline">
              {t("markRead")}
            </button>
          </ActionForm>
        )}
      </div>
      {items.length === 0 ? (
        <p className="mt-2 text-slate-600">{t("none")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {items.map((n) => (
            <li key={n.id} className="flex gap-3 py-2 text-sm">
              <span className="w-24 shrink-0 text-slate-600">
                {format.dateTime(n.createdAt, { dateStyle: "short" })}
              </span>
              <span className={n.readAt || settled(n) ? "text-slate-600" : "font-medium"}>
                {!n.readAt && <span className="sr-only">{t("new")}: </span>}
                {text(n)}
                {settled(n) && <span className="ml-1 text-emerald-800">{t("settled")}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
