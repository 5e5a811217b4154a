import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { requireUser } from "@/app/[locale]/(auth)/session";
import { shellActions } from "@/app/[locale]/shell-actions";
import { AppShell } from "@/components/shell/app-shell";
import { CLIENT_NAMESPACES, pickMessages } from "@/lib/i18n/client-messages";

/** The editor's words reach the browser only on the authoring pages. */
export default async function Layout({ children }: { children: React.ReactNode }) {
  const [user, messages] = await Promise.all([requireUser(), getMessages()]);
  return (
    <AppShell user={user} actions={shellActions}>
      <NextIntlClientProvider messages={pickMessages(messages, [...CLIENT_NAMESPACES, "authoring"])}>
        {children}
      </NextIntlClientProvider>
    </AppShell>
  );
}
