"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionError, outcomeText } from "@/lib/action-state";
import { type CreateState, createContentAction } from "./actions";

export function CreateContentForm() {
  const t = useTranslations("authoring.create");
  const tk = useTranslations("authoring.kind");
  const [state, action] = useActionState<CreateState | ActionError, FormData>(createContentAction, {
    status: "idle",
  });
  return (
    <form action={action} className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-semibold">{t("title")}</h2>
      <div className="mt-3 flex flex-wrap items-end gap-4">
        <label className="grid gap-1 text-sm">
          <span className="font-medium">{t("kind")}</span>
          <select name="kind" className="rounded-md border border-slate-300 px-3 py-2" defaultValue="chapter">
            <option value="chapter">{tk("chapter")}</option>
            <option value="scenario">{tk("scenario")}</option>
          </select>
        </label>
        <label className="grid min-w-64 flex-1 gap-1 text-sm">
          <span className="font-medium">{t("slug")}</span>
          <input
            name="slug"
            required
            pattern="[a-z0-9]+(-[a-z0-9]+)*"
            maxLength={60}
            aria-describedby="slug-hint"
            className="rounded-md border border-slate-300 px-3 py-2 font-mono"
          />
        </label>
        <SubmitButton pendingLabel={t("submit")}>{t("submit")}</SubmitButton>
      </div>
      <p id="slug-hint" className="mt-2 text-sm text-slate-600">
        {t("slugHint")}
      </p>
      <p aria-live="polite" className="mt-2 text-sm font-medium text-red-700">
        {outcomeText(state, () => "")}
      </p>
    </form>
  );
}
