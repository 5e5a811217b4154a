"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
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
      <div>
        <label htmlFor="employeeNo" className="block text-sm font-medium text-slate-700">
          {t("employeeNo")}
        </label>
        <input
          id="employeeNo"
          name="employeeNo"
          autoComplete="username"
          required
          defaultValue={"employeeNo" in state ? state.employeeNo : undefined}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm focus:border-brand-600"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">
          {t("password")}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm focus:border-brand-600"
        />
      </div>
      <div aria-live="polite" role="status" className="min-h-6">
        {message && <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">{message}</p>}
      </div>
      <SubmitButton pendingLabel={t("submitting")} fullWidth>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
