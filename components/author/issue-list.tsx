"use client";

import { useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import type { ItemIssues } from "./editor-types";
import { useIssueText } from "./issue-text";

/** The draft's problems with their lines; picking one moves the cursor there. */
export function IssueList({
  id,
  issues,
  checking,
  count,
  names,
  onPick,
}: {
  id: string;
  issues: ItemIssues;
  checking: boolean;
  count: number;
  names: Record<Locale, string>;
  onPick(locale: Locale, line: number): void;
}) {
  const t = useTranslations("authoring.editor");
  const text = useIssueText();
  return (
    <div id={id} aria-live="polite" className="mt-3">
      {checking ? (
        <p className="text-sm text-slate-600">{t("checking")}</p>
      ) : count === 0 ? (
        <p className="text-sm text-emerald-800">{t("noIssues")}</p>
      ) : (
        <div role="alert" className="rounded-md border-l-4 border-red-600 bg-red-50 p-3">
          <p className="font-medium text-red-900">{t("issuesTitle", { count })}</p>
          <ul className="mt-2 space-y-1 text-sm">
            {(Object.entries(issues) as [Locale, ItemIssues[Locale]][]).flatMap(([locale, list]) =>
              (list ?? []).map((issue) => (
                <li key={`${locale}:${issue.line}:${issue.column}:${issue.message}`}>
                  <button
                    type="button"
                    onClick={() => onPick(locale, issue.line)}
                    className="text-left text-red-900 underline decoration-dotted hover:decoration-solid"
                  >
                    {t("issue", {
                      locale: names[locale],
                      line: issue.line,
                      column: issue.column,
                      message: text(issue),
                    })}
                  </button>
                </li>
              )),
            )}
          </ul>
        </div>
      )}
    </div>
  );
}
