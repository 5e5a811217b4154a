"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionError, outcomeText } from "@/lib/action-state";
import { type RevokeState, revokeCertificateAction } from "./actions";

/** Revoking needs a written reason; the form sits behind a disclosure so it is never one stray click. */
export function RevokeForm({ certificateId, code }: { certificateId: string; code: string }) {
  const t = useTranslations("adminCertificates");
  const [state, action] = useActionState<RevokeState | ActionError, FormData>(revokeCertificateAction, {
    status: "idle",
  });
  const id = `reason-${certificateId}`;
  return (
    <details className="group">
      <summary className="cursor-pointer text-sm font-medium text-red-800 underline-offset-2 hover:underline">
        {t("revoke")}
      </summary>
      <form action={action} className="mt-2 space-y-2">
        <input type="hidden" name="certificateId" value={certificateId} />
        <label htmlFor={id} className="block text-sm">
          {t("reason", { code })}
          <textarea
            id={id}
            name="reason"
            required
            minLength={4}
            maxLength={500}
            rows={2}
            className="mt-1 block w-full min-w-56 rounded-md border border-slate-300 p-2"
          />
        </label>
        <SubmitButton pendingLabel={t("revoking")} tone="danger">
          {t("confirmRevoke")}
        </SubmitButton>
        <p aria-live="polite" className={state.status === "revoked" ? "text-emerald-800" : "text-red-800"}>
          {outcomeText(state, (s) => (s.status === "idle" ? "" : t(`result.${s.status}`)))}
        </p>
      </form>
    </details>
  );
}
