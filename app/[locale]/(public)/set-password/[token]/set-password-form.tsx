"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionError, outcomeText } from "@/lib/action-state";
import { type SetPasswordState, setPasswordAction } from "../actions";

export function SetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("setPassword");
  const [state, action] = useActionState<SetPasswordState | ActionError, FormData>(setPasswordAction, {
    status: "idle",
  });
  if (state.status === "done") {
    return (
      <p role="status" className="text-emerald-900">
        {t("result.done")}{" "}
        <Link href="/login" className="font-medium text-brand-700 underline">
          {t("toLogin")}
        </Link>
      </p>
    );
  }
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <Field
        id="new-password"
        label={t("password")}
        hint={t("rules")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        maxLength={128}
      />
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
