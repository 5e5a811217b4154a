import { getLocale, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/db/queries/users";
import { localName } from "@/lib/i18n/local-name";
import { AppHeader, type ShellActions } from "./app-header";

export async function AppShell({
  user,
  actions,
  children,
}: {
  user: SessionUser;
  actions: ShellActions;
  children: React.ReactNode;
}) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("roles")]);
  const userBlock = (
    <p className="text-right text-sm leading-tight">
      <span className="block font-medium">{user.name}</span>
      <span className="block text-xs text-white/80">
        {t(user.role)} · {localName(user, locale, "branchName")}
      </span>
    </p>
  );
  return (
    <>
      <AppHeader userRole={user.role} userBlock={userBlock} actions={actions} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
