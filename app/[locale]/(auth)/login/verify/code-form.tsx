"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionError, outcomeText } from "@/lib/action-state";
import { type CodeState, verifyCodeAction } from "../../second-step-actions";

/** The code from the authenticator app (or a recovery code); a refusal is announced under it. */
export function CodeForm() {
  const t = useTranslations("secondFactor");
  const [state, action] = useActionState<CodeState | ActionError, FormData>(verifyCodeAction, {
    status: "idle",
  });
  const message = outcomeText(state, (s) => (s.status === "idle" ? "" : t(`refused.${s.status}`)));
  return (
    <form action={action} className="space-y-5" noValidate>
      <Field
        id="code"
        label={t("codeLabel")}
        hint={t("codeHint")}
        name="code"
        autoComplete="one-time-code"
        autoCapitalize="off"
        spellCheck={false}
        maxLength={64}
        required
        autoFocus
      />
      <div aria-live="polite" role="status" className="min-h-6">
        {message && <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{message}</p>}
      </div>
      <SubmitButton pendingLabel={t("verifying")} fullWidth>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
