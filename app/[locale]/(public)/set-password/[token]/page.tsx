import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { findPasswordToken } from "@/db/queries/password-tokens";
import { looksLikeToken } from "@/lib/auth/one-time-token";
import { env } from "@/lib/env";
import { SetPasswordForm } from "./set-password-form";

/**
 * The address holds the one-time token, so no other site may see it as a referrer; "same-origin",
 * not "no-referrer", because under "no-referrer" browsers send `Origin: null` with the form's own
 * POST, which Next.js (and proxy.ts) refuse as cross-site: the form would not work without JavaScript.
 */
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("setPassword"))("title"), referrer: "same-origin" };
}

export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const t = await getTranslations("setPassword");
  const found = looksLikeToken(token) ? await findPasswordToken({ token }) : null;
  return (
    <div className="mx-auto max-w-md rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {found ? (
        <>
          <p className="mt-1 mb-6 text-sm text-slate-600">
            {t("for", { name: found.name, employeeNo: found.employeeNo })}
          </p>
          {found.purpose === "expired" && (
            <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t("expired", { days: env.PASSWORD_MAX_AGE_DAYS ?? 0 })}
            </p>
          )}
          <SetPasswordForm token={token} maxAgeDays={env.PASSWORD_MAX_AGE_DAYS} />
        </>
      ) : (
        <p role="alert" className="mt-4 text-slate-700">
          {t("invalid")}{" "}
          <Link href="/login" className="font-medium text-brand-700 underline">
            {t("toLogin")}
          </Link>
        </p>
      )}
    </div>
  );
}
