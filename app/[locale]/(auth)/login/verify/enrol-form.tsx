"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionError, isActionError, outcomeText } from "@/lib/action-state";
import {
  type CodeState,
  completeEnrolmentAction,
  confirmEnrolmentAction,
  type EnrolState,
} from "../../second-step-actions";

/**
 * Setting up the authenticator app: the QR code and the secret to type in by hand, then the first
 * code to confirm it. The recovery codes are shown once, before the session is issued.
 */
export function EnrolForm({ qr, secret }: { qr: string; secret: string }) {
  const t = useTranslations("secondFactor");
  const [state, confirm] = useActionState<EnrolState | ActionError, FormData>(confirmEnrolmentAction, {
    status: "idle",
  });
  const [done, complete] = useActionState<CodeState | ActionError, FormData>(completeEnrolmentAction, {
    status: "idle",
  });

  if (!isActionError(state) && state.status === "enrolled") {
    const message = outcomeText(done, (s) => (s.status === "idle" ? "" : t(`refused.${s.status}`)));
    return (
      <section aria-labelledby="recovery-title" className="space-y-4">
        <h2 id="recovery-title" className="text-lg font-semibold">
          {t("recoveryTitle")}
        </h2>
        <p className="text-sm text-slate-700">{t("recoveryIntro")}</p>
        <ol
          aria-label={t("recoveryTitle")}
          className="grid grid-cols-2 gap-2 rounded-md bg-slate-50 p-4 font-mono text-base tracking-wide"
        >
          {state.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ol>
        <form action={complete} className="space-y-3">
          <SubmitButton pendingLabel={t("signingIn")} fullWidth>
            {t("continue")}
          </SubmitButton>
          <p role="status" aria-live="polite" className="min-h-6 text-sm text-red-800">
            {message}
          </p>
        </form>
      </section>
    );
  }

  const message = outcomeText(state, (s) => (s.status === "idle" ? "" : t(`refused.${s.status}`)));
  return (
    <form action={confirm} className="space-y-5" noValidate>
      <ol className="list-decimal space-y-4 pl-5 text-sm text-slate-700">
        <li>{t("enrolApp")}</li>
        <li>
          {t("enrolScan")}
          {/* biome-ignore lint/performance/noImgElement: a data: URL made on the server, nothing to optimise */}
          <img
            src={qr}
            alt={t("qrAlt")}
            width={192}
            height={192}
            className="mt-2 rounded-md ring-1 ring-slate-200"
          />
          <p className="mt-2">{t("enrolManual")}</p>
          <p
            className="mt-1 font-mono text-base tracking-wider break-all select-all"
            data-testid="totp-secret"
          >
            {secret}
          </p>
        </li>
        <li>{t("enrolConfirm")}</li>
      </ol>
      <Field
        id="code"
        label={t("enrolCodeLabel")}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={16}
        required
      />
      <div aria-live="polite" role="status" className="min-h-6">
        {message && <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{message}</p>}
      </div>
      <SubmitButton pendingLabel={t("verifying")} fullWidth>
        {t("enrolSubmit")}
      </SubmitButton>
    </form>
  );
}
