"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionError, outcomeText } from "@/lib/action-state";
import {
  type BranchState,
  createBranchAction,
  moveBranchAction,
  renameBranchAction,
  setBranchActiveAction,
} from "./actions";

const IDLE: BranchState | ActionError = { status: "idle" };
const OK = new Set(["created", "renamed", "moved", "updated", "unchanged"]);
const input = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2";

function Result({ state }: { state: BranchState | ActionError }) {
  const t = useTranslations("adminBranches.result");
  return (
    <p aria-live="polite" className={`text-sm ${OK.has(state.status) ? "text-emerald-800" : "text-red-800"}`}>
      {outcomeText(state, (s) => (s.status === "idle" ? "" : t(s.status)))}
    </p>
  );
}

export type BranchOption = { id: string; label: string };

export function CreateBranchForm({ parents }: { parents: BranchOption[] }) {
  const t = useTranslations("adminBranches");
  const [state, action] = useActionState(createBranchAction, IDLE);
  return (
    <form
      action={action}
      aria-labelledby="create-branch"
      className="grid gap-3 rounded-lg bg-white p-5 ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
    >
      <h2 id="create-branch" className="font-semibold sm:col-span-2 lg:col-span-5">
        {t("create.title")}
      </h2>
      <label htmlFor="new-parent" className="text-sm font-medium">
        {t("fields.parent")}
        <select id="new-parent" name="parentId" required className={input}>
          {parents.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor="new-code" className="text-sm font-medium">
        {t("fields.code")}
        <input
          id="new-code"
          name="code"
          required
          maxLength={32}
          pattern="[A-Za-z0-9][A-Za-z0-9_\-]*"
          className={input}
        />
      </label>
      <label htmlFor="new-name" className="text-sm font-medium">
        {t("fields.name")}
        <input id="new-name" name="name" required maxLength={64} className={input} />
      </label>
      <label htmlFor="new-name-en" className="text-sm font-medium">
        {t("fields.nameEn")}
        <input id="new-name-en" name="nameEn" required maxLength={64} className={input} />
      </label>
      <SubmitButton pendingLabel={t("saving")}>{t("create.submit")}</SubmitButton>
      <div className="sm:col-span-2 lg:col-span-5">
        <Result state={state} />
      </div>
    </form>
  );
}

/** Rename, move and (de)activate one branch, behind a disclosure per branch. */
export function BranchEditor({
  branch,
  parents,
}: {
  branch: {
    id: string;
    code: string;
    name: string;
    nameEn: string;
    parentId: string | null;
    active: boolean;
    empty: boolean;
  };
  parents: BranchOption[];
}) {
  const t = useTranslations("adminBranches");
  const [renamed, renameAction] = useActionState(renameBranchAction, IDLE);
  const [moved, moveAction] = useActionState(moveBranchAction, IDLE);
  const [toggled, toggleAction] = useActionState(setBranchActiveAction, IDLE);
  const k = branch.id;
  return (
    <details className="mt-1">
      <summary className="cursor-pointer text-sm font-medium text-brand-700">
        {t("edit", { code: branch.code })}
      </summary>
      <div className="mt-2 grid gap-4 rounded-md bg-slate-50 p-3 md:grid-cols-3">
        <form action={renameAction} className="space-y-2">
          <input type="hidden" name="id" value={branch.id} />
          <label htmlFor={`name-${k}`} className="block text-sm font-medium">
            {t("fields.name")}
            <input
              id={`name-${k}`}
              name="name"
              defaultValue={branch.name}
              required
              maxLength={64}
              className={input}
            />
          </label>
          <label htmlFor={`name-en-${k}`} className="block text-sm font-medium">
            {t("fields.nameEn")}
            <input
              id={`name-en-${k}`}
              name="nameEn"
              defaultValue={branch.nameEn}
              required
              maxLength={64}
              className={input}
            />
          </label>
          <SubmitButton pendingLabel={t("saving")} className="sm:w-auto">
            {t("rename")}
          </SubmitButton>
          <Result state={renamed} />
        </form>
        {branch.parentId && (
          <form action={moveAction} className="space-y-2">
            <input type="hidden" name="id" value={branch.id} />
            <label htmlFor={`parent-${k}`} className="block text-sm font-medium">
              {t("fields.moveUnder")}
              <select id={`parent-${k}`} name="parentId" defaultValue={branch.parentId} className={input}>
                {parents.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </select>
            </label>
            <SubmitButton pendingLabel={t("saving")} className="sm:w-auto">
              {t("move")}
            </SubmitButton>
            <Result state={moved} />
          </form>
        )}
        {branch.parentId && (
          <form action={toggleAction} className="space-y-2">
            <input type="hidden" name="id" value={branch.id} />
            <input type="hidden" name="active" value={branch.active ? "false" : "true"} />
            <p className="text-sm text-slate-600">
              {branch.active ? (branch.empty ? t("deactivateHint") : t("notEmptyHint")) : t("activateHint")}
            </p>
            <SubmitButton
              pendingLabel={t("saving")}
              tone={branch.active ? "danger" : "primary"}
              className="sm:w-auto"
            >
              {branch.active ? t("deactivate") : t("activate")}
            </SubmitButton>
            <Result state={toggled} />
          </form>
        )}
      </div>
    </details>
  );
}
