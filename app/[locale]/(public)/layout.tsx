import { getTranslations } from "next-intl/server";
import { switchLocale } from "@/app/[locale]/locale-actions";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";

/** The public pages (verify a certificate, set a password): no sign-in, no navigation, just the bank's name and the language. */
export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const t = await getTranslations("app");
  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-2xl items-center justify-between gap-4 px-4 py-3">
          <p className="font-semibold text-brand-800">{t("name")}</p>
          <LocaleSwitcher action={switchLocale} variant="light" />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-2xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
