"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionError, outcomeText } from "@/lib/action-state";
import { type LoginState, login } from "../actions";

const TONES = { success: "bg-emerald-50 text-emerald-900", warning: "bg-red-50 text-red-800" };

/** `notice`: what the page says before the first attempt (the password was set, the session ended). */
export function LoginForm({ notice }: { notice?: { text: string; tone: keyof typeof TONES } }) {
  const t = useTranslations("login");
  const [state, action] = useActionState<LoginState | ActionError, FormData>(login, { status: "idle" });
  const message =
    state.status === "idle"
      ? notice
      : {
          text: outcomeText(state, (s) => (s.status === "idle" ? "" : t(s.status))),
          tone: "warning" as const,
        };

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
        {message?.text && (
          <p className={`rounded-md px-3 py-2 text-sm ${TONES[message.tone]}`}>{message.text}</p>
        )}
      </div>
      <SubmitButton pendingLabel={t("submitting")} fullWidth>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
