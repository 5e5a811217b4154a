"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import type { UploadProblem } from "@/lib/admin-import/upload";

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Choosing the file. The form posts to /api/admin/users/import, which sends the browser on to the
 * dry run or back here with `problem`; a file over 5 MB is refused here already, before it is sent.
 */
export function ImportUploadForm({ problem }: { problem?: UploadProblem }) {
  const t = useTranslations("adminImport");
  const [tooLarge, setTooLarge] = useState(false);
  const [sending, setSending] = useState(false);
  const shown = tooLarge ? "too_large" : problem;
  return (
    <form
      method="post"
      action="/api/admin/users/import"
      encType="multipart/form-data"
      onSubmit={(e) => {
        if (tooLarge || sending) e.preventDefault();
        else setSending(true);
      }}
      className="space-y-4 rounded-lg bg-white p-5 ring-1 ring-slate-200"
    >
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
          aria-invalid={shown ? true : undefined}
          onChange={(e) => setTooLarge((e.target.files?.[0]?.size ?? 0) > MAX_BYTES)}
          className="mt-2 block w-full rounded-md border border-slate-300 p-2 text-sm file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1.5"
        />
      </label>
      <button type="submit" aria-disabled={sending} className={`${buttonClass("primary", "lg")} sm:w-auto`}>
        {sending ? t("upload.checking") : t("upload.submit")}
      </button>
      <p id="import-file-status" aria-live="polite" className="text-red-800">
        {shown ? t(`upload.result.${shown}`) : ""}
      </p>
    </form>
  );
}
