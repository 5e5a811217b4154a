"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
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
  const input = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2";
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <label htmlFor="new-password" className="block text-sm font-medium">
        {t("password")}
        <input
          id="new-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          maxLength={128}
          aria-describedby="password-rules"
          className={input}
        />
      </label>
      <p id="password-rules" className="text-sm text-slate-600">
        {t("rules")}
      </p>
      <label htmlFor="confirm-password" className="block text-sm font-medium">
        {t("confirm")}
        <input
          id="confirm-password"
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          className={input}
        />
      </label>
      <SubmitButton pendingLabel={t("saving")}>{t("submit")}</SubmitButton>
      <p role="status" aria-live="polite" className="text-red-800">
        {outcomeText(state, (s) => (s.status === "idle" ? "" : t(`result.${s.status}`)))}
      </p>
    </form>
  );
}
