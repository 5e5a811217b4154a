import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { homeFor } from "@/lib/auth/roles";
import { SESSION_TIMING } from "@/lib/auth/session-timing";
import { env, ssoButtons } from "@/lib/env";
import { switchLocale } from "../../locale-actions";
import { auth } from "../auth";
import { getCurrentUser } from "../session";
import { LoginForm } from "./login-form";
import { ssoNotice } from "./sso-notice";
import { SsoOptions } from "./sso-options";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await getCurrentUser();
  if (user) redirect(homeFor(user.role));
  const hadSession = Boolean(await auth());
  const passwordSet = (await searchParams).password === "set";
  // proxy.ts sends a session that was idle too long here with ?reason=idle.
  const idle = (await searchParams).reason === "idle";
  const t = await getTranslations();
  const { notice, provider } = ssoNotice(await searchParams);
  const providerName =
    provider === "oidc"
      ? env.OIDC_NAME
      : provider
        ? t(`login.providers.${provider === "wecom-app" ? "wecom" : provider}`)
        : t("login.ssoGeneric");
  const inWeCom = /\bwxwork\//i.test((await headers()).get("user-agent") ?? "");

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
          {notice && (
            <div
              role="alert"
              className="mb-6 rounded-md bg-red-50 px-4 py-3 text-sm text-red-900 ring-1 ring-red-200"
            >
              <h2 className="font-semibold">{t("login.ssoNotice.title", { provider: providerName })}</h2>
              <p className="mt-1">{t(`login.ssoNotice.${notice}`, { provider: providerName })}</p>
            </div>
          )}
          <LoginForm
            notice={
              passwordSet
                ? { text: t("setPassword.result.done"), tone: "success" }
                : idle
                  ? {
                      text: t("login.idle", {
                        minutes: Math.max(1, Math.round(SESSION_TIMING.idleMs / 60_000)),
                      }),
                      tone: "warning",
                    }
                  : hadSession
                    ? { text: t("login.signedOut"), tone: "warning" }
                    : undefined
            }
          />
          {ssoButtons.length > 0 && (
            <SsoOptions buttons={ssoButtons} oidcName={env.OIDC_NAME} inWeCom={inWeCom} autoStart={!notice} />
          )}
        </div>
      </div>
    </main>
  );
}
