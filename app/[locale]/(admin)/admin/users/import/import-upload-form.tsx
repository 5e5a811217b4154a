"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionError, outcomeText } from "@/lib/action-state";
import { type UploadState, uploadImportAction } from "./actions";

const MAX_BYTES = 5 * 1024 * 1024;

/** Choosing the file; a file over 5 MB is refused here already, and again on the server. */
export function ImportUploadForm() {
  const t = useTranslations("adminImport");
  const [state, action] = useActionState<UploadState | ActionError, FormData>(uploadImportAction, {
    status: "idle",
  });
  const [tooLarge, setTooLarge] = useState(false);
  const message = tooLarge
    ? t("upload.result.too_large")
    : outcomeText(state, (s) => (s.status === "idle" ? "" : t(`upload.result.${s.status}`)));
  return (
    <form action={action} className="space-y-4 rounded-lg bg-white p-5 ring-1 ring-slate-200">
      <label htmlFor="import-file" className="block font-medium">
        {t("upload.label")}
        <span className="mt-1 block text-sm font-normal text-slate-600">{t("upload.hint")}</span>
        <input
          id="import-file"
          name="file"
          type="file"
          required
          accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="import-file-status"
          onChange={(e) => setTooLarge((e.target.files?.[0]?.size ?? 0) > MAX_BYTES)}
          className="mt-2 block w-full rounded-md border border-slate-300 p-2 text-sm file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1.5"
        />
      </label>
      <SubmitButton pendingLabel={t("upload.checking")} className="sm:w-auto">
        {t("upload.submit")}
      </SubmitButton>
      <p id="import-file-status" aria-live="polite" className="text-red-800">
        {message}
      </p>
    </form>
  );
}
