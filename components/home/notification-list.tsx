import { getTranslations } from "next-intl/server";
import { notificationText } from "@/components/notifications/notification-text";
import { ActionForm, type FormAction } from "@/components/ui/action-form";
import { Link } from "@/components/ui/link";
import type { Notification } from "@/db/schema";
import { formatDate } from "@/lib/i18n/dates";
import type { Locale } from "@/lib/i18n/locales";

/** The latest in-app notifications, unread ones marked, with one button to mark them all read. */
export async function NotificationList({
  items,
  unread,
  total,
  locale,
  completed,
  markRead,
}: {
  items: Notification[];
  unread: number;
  /** All of the person's notifications: when there are more than shown, a link leads to the centre. */
  total: number;
  locale: Locale;
  /** "<itemType>:<slug>" of finished assignments: their older reminders are shown as done. */
  completed: Set<string>;
  /** The server action that marks them read (app/[locale]/(learn)/(shell)/notification-actions.ts). */
  markRead: FormAction;
}) {
  const [t, text] = await Promise.all([getTranslations("notifications"), notificationText(locale)]);
  const settled = (n: Notification) =>
    (n.kind === "due-soon" || n.kind === "overdue") &&
    completed.has(`${n.payload.itemType}:${n.payload.itemSlug}`);
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
              <span className="w-28 shrink-0 text-slate-600">{formatDate(n.createdAt, locale)}</span>
              <span className={n.readAt || settled(n) ? "text-slate-600" : "font-medium"}>
                {!n.readAt && <span className="sr-only">{t("new")}: </span>}
                {text(n)}
                {settled(n) && <span className="ml-1 text-emerald-800">{t("settled")}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
      {total > 0 && (
        <Link
          href="/notifications"
          className="mt-2 inline-block text-sm font-medium text-brand-700 underline"
        >
          {total > items.length ? t("seeAll", { count: total }) : t("openCentre")}
        </Link>
      )}
    </section>
  );
}
