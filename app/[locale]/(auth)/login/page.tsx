import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { ActionForm } from "@/components/ui/action-form";
import { homeFor } from "@/lib/auth/roles";
import { env, oidcEnabled } from "@/lib/env";
import { switchLocale } from "../../locale-actions";
import { ssoSignIn } from "../actions";
import { auth } from "../auth";
import { getCurrentUser } from "../session";
import { LoginForm } from "./login-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage() {
  const user = await getCurrentUser();
  if (user) redirect(homeFor(user.role));
  const hadSession = Boolean(await auth());
  const t = await getTranslations();

  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-4 flex justify-end">
          <LocaleSwitcher action={switchLocale} variant="light" />
        </div>
        <div className="rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
          <p className="text-sm font-medium text-brand-700">{t("app.name")}</p>
          <h1 className="mt-1 text-2xl font-semibold">{t("login.title")}</h1>
          <p className="mt-1 mb-6 text-sm text-slate-600">{t("login.subtitle")}</p>
          <LoginForm notice={hadSession ? t("login.signedOut") : undefined} />
          {oidcEnabled && (
            <ActionForm action={ssoSignIn} className="mt-4">
              <button
                type="submit"
                className="w-full rounded-md border border-slate-300 px-4 py-2.5 text-sm font-medium hover:bg-slate-50"
              >
                {t("login.sso", { name: env.OIDC_NAME })}
              </button>
            </ActionForm>
          )}
        </div>
      </div>
    </main>
  );
}
