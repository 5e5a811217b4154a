"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionError, outcomeText } from "@/lib/action-state";
import { type SecurityState, setManagersSecondFactorAction } from "./actions";

/** The one security setting kept in the database: second factor for managers too. */
export function SecurityForm({ managersRequired }: { managersRequired: boolean }) {
  const t = useTranslations("adminSecurity");
  const [state, action] = useActionState<SecurityState | ActionError, FormData>(
    setManagersSecondFactorAction,
    {
      status: "idle",
    },
  );
  return (
    <form
      action={action}
      aria-labelledby="managers-title"
      className="space-y-3 rounded-lg bg-white p-5 ring-1 ring-slate-200"
    >
      <h2 id="managers-title" className="font-semibold">
        {t("managersTitle")}
      </h2>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="managersRequired"
          defaultChecked={managersRequired}
          aria-describedby="managers-hint"
          className="mt-0.5 size-4"
        />
        <span>{t("managersRequired")}</span>
      </label>
      <p id="managers-hint" className="text-sm text-slate-600">
        {t("managersHint")}
      </p>
      <SubmitButton pendingLabel={t("saving")} className="sm:w-auto">
        {t("save")}
      </SubmitButton>
      <p aria-live="polite" className="text-sm text-emerald-800">
        {outcomeText(state, (s) => (s.status === "idle" ? "" : t(`result.${s.status}`)))}
      </p>
    </form>
  );
}
