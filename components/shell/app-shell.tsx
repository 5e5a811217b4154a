import { getLocale, getTranslations } from "next-intl/server";
import { unreadCount } from "@/db/queries/notifications";
import type { SessionUser } from "@/db/queries/users";
import { localName } from "@/lib/i18n/local-name";
import { AppHeader, type ShellActions } from "./app-header";
import { RememberUser } from "./known-user";
import { NotificationBell } from "./notification-bell";
import { UserLink } from "./user-link";

export async function AppShell({
  user,
  actions,
  children,
}: {
  user: SessionUser;
  actions: ShellActions;
  children: React.ReactNode;
}) {
  const [locale, t, tNav, unread] = await Promise.all([
    getLocale(),
    getTranslations("roles"),
    getTranslations("nav"),
    unreadCount({ userId: user.id }),
  ]);
  const userBlock = (
    <UserLink
      name={user.name}
      detail={`${t(user.role)} · ${localName(user, locale, "branchName")}`}
      title={tNav("profile")}
    />
  );
  return (
    <>
      <AppHeader
        userRole={user.role}
        userBlock={userBlock}
        bell={<NotificationBell unread={unread} />}
        actions={actions}
      />
      <RememberUser
        user={{
          name: user.name,
          role: user.role,
          branchName: user.branchName,
          branchNameEn: user.branchNameEn,
        }}
        unread={unread}
      />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
