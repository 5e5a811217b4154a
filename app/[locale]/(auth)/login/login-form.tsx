"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionError, outcomeText } from "@/lib/action-state";
import { type LoginState, login } from "../actions";

export function LoginForm({ notice }: { notice?: string }) {
  const t = useTranslations("login");
  const [state, action] = useActionState<LoginState | ActionError, FormData>(login, { status: "idle" });
  const message =
    state.status === "idle" ? notice : outcomeText(state, (s) => (s.status === "idle" ? "" : t(s.status)));

  return (
    <form action={action} className="space-y-5" noValidate>
      <Field
        id="employeeNo"
        label={t("employeeNo")}
        name="employeeNo"
        autoComplete="username"
        required
        defaultValue={"employeeNo" in state ? state.employeeNo : undefined}
      />
      <Field
        id="password"
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
      />
      <div aria-live="polite" role="status" className="min-h-6">
        {message && <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{message}</p>}
      </div>
      <SubmitButton pendingLabel={t("submitting")} fullWidth>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
