import { getLocale } from "next-intl/server";
import type { SessionUser } from "@/db/queries/users";
import { AppHeader } from "./app-header";

export async function AppShell({ user, children }: { user: SessionUser; children: React.ReactNode }) {
  const locale = await getLocale();
  return (
    <>
      <AppHeader user={user} locale={locale} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
