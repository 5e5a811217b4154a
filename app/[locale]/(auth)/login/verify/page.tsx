import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { LocaleSwitcher } from "@/components/shell/locale-switcher";
import { ActionForm } from "@/components/ui/action-form";
import { Link } from "@/components/ui/link";
import { describeSecondStep } from "@/db/use-cases/second-sign-in-step";
import { homeFor } from "@/lib/auth/roles";
import { groupedSecret, totpUri } from "@/lib/auth/totp";
import { switchLocale } from "../../../locale-actions";
import { cancelSecondStepAction } from "../../second-step-actions";
import { getCurrentUser } from "../../session";
import { challengeToken } from "../../sign-in-steps";
import { CodeForm } from "./code-form";
import { EnrolForm } from "./enrol-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("secondFactor"))("title"), referrer: "no-referrer" };
}

/**
 * The second sign-in step, after the password (or single sign-on) of someone who needs a second
 * factor: the code from their authenticator app, or, the first time, setting the app up. There is no
 * session yet; the step is the cookie sign-in-steps.ts set.
 */
export default async function SecondStepPage() {
  const user = await getCurrentUser();
  if (user) redirect(homeFor(user.role));
  const token = await challengeToken();
  const step = token ? await describeSecondStep({ token }) : null;
  const t = await getTranslations("secondFactor");
  const qr =
    step?.kind === "enrol"
      ? await QRCode.toDataURL(totpUri(step.secret, step.employeeNo), {
          margin: 2,
          width: 192,
          errorCorrectionLevel: "M",
        })
      : null;

  return (
    <main id="main" className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-md">
        <div className="mb-4 flex justify-end">
          <LocaleSwitcher action={switchLocale} variant="light" />
        </div>
        <div className="rounded-xl bg-white p-8 shadow-sm ring-1 ring-slate-200">
          <p className="text-sm font-medium text-brand-700">{t("kicker")}</p>
          <h1 className="mt-1 text-2xl font-semibold">
            {t(step?.kind === "enrol" ? "enrolTitle" : "title")}
          </h1>
          {!step ? (
            <p role="alert" className="mt-4 text-slate-700">
              {t("refused.expired")}{" "}
              <Link href="/login" className="font-medium text-brand-700 underline">
                {t("toLogin")}
              </Link>
            </p>
          ) : (
            <>
              <p className="mt-1 mb-6 text-sm text-slate-600">
                {t(step.kind === "enrol" ? "enrolIntro" : "intro", {
                  name: step.name,
                  employeeNo: step.employeeNo,
                })}
              </p>
              {step.kind === "enrol" && qr ? (
                <EnrolForm qr={qr} secret={groupedSecret(step.secret)} />
              ) : (
                <CodeForm />
              )}
              <ActionForm
                action={cancelSecondStepAction}
                className="mt-6 border-t border-slate-200 pt-4 text-center"
              >
                <button type="submit" className="text-sm font-medium text-brand-700 underline">
                  {t("cancel")}
                </button>
              </ActionForm>
            </>
          )}
        </div>
      </div>
    </main>
  );
}
