import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { SignedInShell } from "@/app/[locale]/shell";
import { CLIENT_NAMESPACES, pickMessages } from "@/lib/i18n/client-messages";

/** The editor's words reach the browser only on the authoring pages. */
export default async function Layout({ children }: { children: React.ReactNode }) {
  const messages = await getMessages();
  return (
    <SignedInShell>
      <NextIntlClientProvider messages={pickMessages(messages, [...CLIENT_NAMESPACES, "authoring"])}>
        {children}
      </NextIntlClientProvider>
    </SignedInShell>
  );
}
