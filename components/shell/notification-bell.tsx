import { useTranslations } from "next-intl";
import { Link } from "@/components/ui/link";

/** The header's way to the notification centre, with the number of unread ones (none shown while unknown). */
export function NotificationBell({ unread }: { unread: number | null }) {
  const t = useTranslations("notifications");
  const label = unread ? t("bellUnread", { count: unread }) : t("centreTitle");
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      className="relative inline-flex size-9 items-center justify-center rounded-md hover:bg-white/10"
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="currentColor">
        <path d="M10 2a5 5 0 0 0-5 5v2.6l-1.7 3A1 1 0 0 0 4.2 14h11.6a1 1 0 0 0 .9-1.4l-1.7-3V7a5 5 0 0 0-5-5Zm-2.4 13a2.5 2.5 0 0 0 4.8 0H7.6Z" />
      </svg>
      {unread ? (
        <span
          aria-hidden="true"
          className="absolute -right-1 -top-1 min-w-5 rounded-full bg-white px-1 text-center text-xs font-semibold leading-5 text-brand-800"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
