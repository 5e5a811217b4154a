"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionError, outcomeText } from "@/lib/action-state";
import { type AssignState, assignAction } from "./actions";

type Option = { value: string; label: string };

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2";

/** Item, who (a branch subtree or one person by employee number) and a due date. */
export function AssignForm({
  items,
  branches,
  minDate,
}: {
  items: { label: string; options: Option[] }[];
  branches: { id: string; label: string }[];
  minDate: string;
}) {
  const t = useTranslations("assign");
  const [state, action] = useActionState<AssignState | ActionError, FormData>(assignAction, {
    status: "idle",
  });
  const [targetType, setTargetType] = useState<"branch" | "person">("branch");
  return (
    <form action={action} className="max-w-xl space-y-5 rounded-lg bg-white p-5 ring-1 ring-slate-200">
      <label className="block text-sm font-medium">
        {t("item")}
        <select name="item" required className={field}>
          {items.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <fieldset>
        <legend className="text-sm font-medium">{t("target")}</legend>
        <div className="mt-1 flex gap-6">
          {(["branch", "person"] as const).map((v) => (
            <label key={v} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="targetType"
                value={v}
                checked={targetType === v}
                onChange={() => setTargetType(v)}
              />
              {t(`targetType.${v}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {targetType === "branch" ? (
        <div>
          <label className="block text-sm font-medium">
            {t("branch")}
            <select name="branchId" required aria-describedby="branch-hint" className={field}>
              {branches.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.label}
                </option>
              ))}
            </select>
          </label>
          <p id="branch-hint" className="mt-1 text-sm text-slate-600">
            {t("branchHint")}
          </p>
        </div>
      ) : (
        <label className="block text-sm font-medium">
          {t("employeeNo")}
          <input name="employeeNo" required maxLength={32} autoComplete="off" className={field} />
        </label>
      )}
      <label className="block text-sm font-medium">
        {t("dueDate")}
        <input type="date" name="dueDate" required min={minDate} className={field} />
      </label>
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pendingLabel={t("assigning")}>{t("submit")}</SubmitButton>
        <p role="status" className={state.status === "assigned" ? "text-emerald-800" : "text-red-800"}>
          {outcomeText(state, (s) =>
            s.status === "assigned" ? t("result.assigned", { count: s.count }) : "",
          )}
        </p>
      </div>
    </form>
  );
}
