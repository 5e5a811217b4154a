"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Field, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionError, outcomeText } from "@/lib/action-state";
import { type AssignState, assignAction } from "./actions";

type Option = { value: string; label: string };

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
      <Select id="assign-item" label={t("item")} name="item" required>
        {items.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </Select>
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
        <Select
          id="assign-branch"
          label={t("branch")}
          hint={t("branchHint")}
          name="branchId"
          required
          options={branches.map((b) => ({ value: b.id, label: b.label }))}
        />
      ) : (
        <Field
          id="assign-employee"
          label={t("employeeNo")}
          name="employeeNo"
          required
          maxLength={32}
          autoComplete="off"
        />
      )}
      <Field id="assign-due" label={t("dueDate")} type="date" name="dueDate" required min={minDate} />
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
