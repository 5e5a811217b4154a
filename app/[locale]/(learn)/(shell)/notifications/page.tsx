import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { requireUser } from "@/app/[locale]/(auth)/session";
import { notificationText } from "@/components/notifications/notification-text";
import { PageHeader } from "@/components/shell/page-header";
import { ActionForm } from "@/components/ui/action-form";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { listNotifications, notificationCount, unreadCount } from "@/db/queries/notifications";
import { formatDateTime } from "@/lib/i18n/dates";
import { toLocale } from "@/lib/i18n/locales";
import { pageWindow } from "@/lib/paging/page-window";
import { markNotificationRead, markNotificationsRead } from "../notification-actions";

export const PAGE_SIZE = 20;
/** `?page=` is a page number; anything else shows the first page. */
const query = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 通知中心: all of the signed-in person's notifications, newest first, in pages, each marked read or not. */
export default async function NotificationCentre({ searchParams }: Props) {
  const user = await requireUser();
  const { page } = query.parse({ page: [(await searchParams).page].flat()[0] });
  const [t, locale, total, unread] = await Promise.all([
    getTranslations("notifications"),
    getLocale().then(toLocale),
    notificationCount({ userId: user.id }),
    unreadCount({ userId: user.id }),
  ]);
  const view = pageWindow({ page, total, size: PAGE_SIZE });
  const [items, text] = await Promise.all([
    listNotifications({ userId: user.id, limit: view.size, offset: view.offset }),
    notificationText(locale),
  ]);
  const pageHref = (n: number) => (n === 1 ? "/notifications" : `/notifications?page=${n}`);

  return (
    <>
      <PageHeader title={t("centreTitle")} intro={t("centreIntro", { total, unread })}>
        {unread > 0 && (
          <ActionForm action={markNotificationsRead}>
            <button
              type="submit"
              className="rounded-md border border-brand-700 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50"
            >
              {t("markRead")}
            </button>
          </ActionForm>
        )}
      </PageHeader>
      {items.length === 0 ? (
        <EmptyState>{t("none")}</EmptyState>
      ) : (
        <ol
          aria-label={t("centreTitle")}
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white"
        >
          {items.map((n) => (
            <li key={n.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-start sm:gap-4">
              <span className="shrink-0 text-sm text-slate-600 sm:w-44">
                {formatDateTime(n.createdAt, locale)}
              </span>
              <p className={`min-w-0 flex-1 ${n.readAt ? "text-slate-600" : "font-medium text-slate-900"}`}>
                {!n.readAt && (
                  <span className="mr-2 rounded-full bg-brand-700 px-2 py-0.5 text-xs font-medium text-white">
                    {t("new")}
                  </span>
                )}
                {text(n)}
              </p>
              {n.readAt ? (
                <span className="shrink-0 text-sm text-slate-600">{t("read")}</span>
              ) : (
                <ActionForm action={markNotificationRead} className="shrink-0">
                  <input type="hidden" name="id" value={n.id} />
                  <button type="submit" className="text-sm font-medium text-brand-700 underline">
                    {t("markOne")}
                    <span className="sr-only">: {text(n)}</span>
                  </button>
                </ActionForm>
              )}
            </li>
          ))}
        </ol>
      )}
      {view.pages > 1 && (
        <nav
          aria-label={t("pages")}
          className="mt-6 flex flex-wrap items-center justify-between gap-3 text-sm"
        >
          {view.page > 1 ? (
            <Link href={pageHref(view.page - 1)} className="font-medium text-brand-700 underline">
              ← {t("previousPage")}
            </Link>
          ) : (
            <span />
          )}
          <span aria-current="page">{t("pageOf", { page: view.page, pages: view.pages })}</span>
          {view.page < view.pages ? (
            <Link href={pageHref(view.page + 1)} className="font-medium text-brand-700 underline">
              {t("nextPage")} →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </>
  );
}
