"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionError, outcomeText } from "@/lib/action-state";
import { type SetPasswordState, setPasswordAction } from "../actions";
import { PasswordRules } from "./password-rules";

export function SetPasswordForm({ token, maxAgeDays }: { token: string; maxAgeDays?: number }) {
  const t = useTranslations("setPassword");
  const [state, action] = useActionState<SetPasswordState | ActionError, FormData>(setPasswordAction, {
    status: "idle",
  });
  const [password, setPassword] = useState("");
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <Field
        id="new-password"
        label={t("password")}
        aria-describedby="password-rules"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        maxLength={128}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <PasswordRules id="password-rules" password={password} maxAgeDays={maxAgeDays} />
      <Field
        id="confirm-password"
        label={t("confirm")}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
      />
      <SubmitButton pendingLabel={t("saving")}>{t("submit")}</SubmitButton>
      <p role="status" aria-live="polite" className="text-red-800">
        {outcomeText(state, (s) => (s.status === "idle" ? "" : t(`result.${s.status}`)))}
      </p>
    </form>
  );
}
