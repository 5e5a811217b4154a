"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Link } from "@/components/ui/link";
import { SubmitButton } from "@/components/ui/submit-button";
import { Table } from "@/components/ui/table";
import { type ActionError, outcomeText } from "@/lib/action-state";
import { csvFile } from "@/lib/csv/csv";
import { type ConfirmState, confirmImportAction } from "../actions";

function downloadLinks(
  rows: { employeeNo: string; name: string; email: string | null; link: string }[],
  header: string[],
) {
  const csv = csvFile([header, ...rows.map((r) => [r.employeeNo, r.name, r.email ?? "", r.link])]);
  const blob = new Blob([csv], { type: "text/csv;charset=utf-8" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = "set-password-links.csv";
  a.click();
  URL.revokeObjectURL(a.href);
}

/** "Import only the valid rows" or cancel; after the import, the one-time links of the new accounts. */
export function ImportConfirm({
  uploadId,
  digest,
  validCount,
}: {
  uploadId: string;
  digest: string;
  validCount: number;
}) {
  const t = useTranslations("adminImport");
  const [state, action] = useActionState<ConfirmState | ActionError, FormData>(confirmImportAction, {
    status: "idle",
  });
  const doneHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state.status === "imported") doneHeading.current?.focus();
  }, [state.status]);

  if (state.status === "imported") {
    return (
      <section
        aria-labelledby="import-done"
        className="space-y-4 rounded-lg bg-emerald-50 p-5 ring-1 ring-emerald-200"
      >
        <h2
          id="import-done"
          ref={doneHeading}
          className="text-lg font-semibold text-emerald-900"
          tabIndex={-1}
        >
          {t("done.title")}
        </h2>
        <p role="status" className="text-emerald-900">
          {t("done.summary", {
            created: state.created.length,
            updated: state.updated,
            unchanged: state.unchanged,
          })}
          {state.skipped > 0 && ` ${t("done.skipped", { count: state.skipped })}`}
          {state.emailed > 0 && ` ${t("done.emailed", { count: state.emailed })}`}
          {state.mailFailed > 0 && ` ${t("done.mailFailed", { count: state.mailFailed })}`}
        </p>
        {state.created.length > 0 && (
          <>
            <p className="text-sm text-slate-700">{t("done.linksIntro")}</p>
            <Button
              tone="secondary"
              size="sm"
              onClick={() =>
                downloadLinks(state.created, [
                  t("fields.employeeNo"),
                  t("fields.name"),
                  t("fields.email"),
                  t("done.link"),
                ])
              }
            >
              {t("done.download")}
            </Button>
            <Table
              caption={t("done.linksCaption")}
              columns={[t("fields.employeeNo"), t("fields.name"), t("done.link")]}
              className="max-h-96 overflow-y-auto"
            >
              {state.created.map((a) => (
                <tr key={a.employeeNo}>
                  <td className="px-3 py-2 whitespace-nowrap">{a.employeeNo}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{a.name}</td>
                  <td className="px-3 py-2 font-mono text-xs break-all">
                    <a
                      href={a.link}
                      className="text-brand-700 underline"
                      aria-label={t("done.linkFor", { employeeNo: a.employeeNo })}
                    >
                      {a.link}
                    </a>
                  </td>
                </tr>
              ))}
            </Table>
          </>
        )}
        <p className="flex flex-wrap gap-4 text-sm">
          <Link href="/admin/users" className="font-medium text-brand-700 underline">
            {t("done.toUsers")}
          </Link>
          <Link href="/admin/users/import" className="font-medium text-brand-700 underline">
            {t("done.another")}
          </Link>
        </p>
      </section>
    );
  }

  return (
    <form
      action={action}
      className="flex flex-col gap-3 rounded-lg bg-white p-5 ring-1 ring-slate-200 sm:flex-row sm:items-center"
    >
      <input type="hidden" name="uploadId" value={uploadId} />
      <input type="hidden" name="digest" value={digest} />
      {validCount > 0 ? (
        <SubmitButton pendingLabel={t("confirm.importing")} className="sm:w-auto">
          {t("confirm.import", { count: validCount })}
        </SubmitButton>
      ) : (
        <p className="text-slate-700">{t("confirm.nothing")}</p>
      )}
      <Link href="/admin/users/import" className={`text-center ${buttonClass("secondary", "lg")}`}>
        {t("confirm.cancel")}
      </Link>
      <p aria-live="polite" className="text-red-800">
        {outcomeText(state, (s) => (s.status === "already" ? t("confirm.result.already") : ""))}
      </p>
    </form>
  );
}
