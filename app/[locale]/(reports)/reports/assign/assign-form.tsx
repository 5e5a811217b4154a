"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useState } from "react";
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
  employeeNo,
}: {
  items: { label: string; options: Option[] }[];
  branches: { id: string; label: string }[];
  minDate: string;
  /** Start on this one person (the person page's "assign"). */
  employeeNo?: string;
}) {
  const t = useTranslations("assign");
  const [state, action, pending] = useActionState<AssignState | ActionError, FormData>(assignAction, {
    status: "idle",
  });
  const [targetType, setTargetType] = useState<"branch" | "person">(employeeNo ? "person" : "branch");
  // Until React has attached onSubmit, a click would submit the form natively (a GET of this page).
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return (
    // Submitted through onSubmit, not the form's action prop: React resets a form after its action
    // succeeds, which put the uncontrolled fields back to their defaults while the controlled radio
    // kept its choice. Everything stays as the manager left it, so the next assignment can change one field.
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const formData = new FormData(event.currentTarget);
        startTransition(() => action(formData));
      }}
      className="max-w-xl space-y-5 rounded-lg bg-white p-5 ring-1 ring-slate-200"
    >
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
          defaultValue={employeeNo}
        />
      )}
      <Field id="assign-due" label={t("dueDate")} type="date" name="dueDate" required min={minDate} />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={pending} disabled={!hydrated} pendingLabel={t("assigning")}>
          {t("submit")}
        </SubmitButton>
        <p role="status" className={state.status === "assigned" ? "text-emerald-800" : "text-red-800"}>
          {outcomeText(state, (s) =>
            s.status === "assigned" ? t("result.assigned", { count: s.count }) : "",
          )}
        </p>
      </div>
    </form>
  );
}
