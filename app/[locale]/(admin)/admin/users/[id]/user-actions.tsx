"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionError, isActionError, outcomeText } from "@/lib/action-state";
import type { Role } from "@/lib/auth/roles";
import {
  resetPasswordAction,
  setActiveAction,
  signOutUserAction,
  type UserActionState,
  updateUserAction,
} from "../actions";

const IDLE: UserActionState | ActionError = { status: "idle" };
const OK = new Set(["updated", "unchanged", "signed_out", "reset"]);

function Result({ state }: { state: UserActionState | ActionError }) {
  const t = useTranslations("adminUsers.result");
  return (
    <p aria-live="polite" className={`text-sm ${OK.has(state.status) ? "text-emerald-800" : "text-red-800"}`}>
      {outcomeText(state, (s) => (s.status === "idle" ? "" : t(s.status)))}
    </p>
  );
}

type Props = {
  userId: string;
  role: Role;
  branchId: string;
  active: boolean;
  branches: { id: string; label: string }[];
  roles: { value: Role; label: string }[];
};

/** The admin's controls for one person: role and branch, password reset, forced sign-out, (de)activation. */
export function UserActions({ userId, role, branchId, active, branches, roles }: Props) {
  const t = useTranslations("adminUsers");
  const [edit, editAction] = useActionState(updateUserAction, IDLE);
  const [reset, resetAction] = useActionState(resetPasswordAction, IDLE);
  const [out, outAction] = useActionState(signOutUserAction, IDLE);
  const [act, actAction] = useActionState(setActiveAction, IDLE);
  const box = "space-y-3 rounded-lg bg-white p-5 ring-1 ring-slate-200";
  const select = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2";
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <form action={editAction} className={box}>
        <h2 className="font-semibold">{t("edit.title")}</h2>
        <input type="hidden" name="userId" value={userId} />
        <label htmlFor="role" className="block text-sm font-medium">
          {t("fields.role")}
          <select id="role" name="role" defaultValue={role} className={select}>
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor="branchId" className="block text-sm font-medium">
          {t("fields.branch")}
          <select id="branchId" name="branchId" defaultValue={branchId} className={select}>
            {branches.map((b) => (
              <option key={b.id} value={b.id}>
                {b.label}
              </option>
            ))}
          </select>
        </label>
        <SubmitButton pendingLabel={t("saving")} className="sm:w-auto">
          {t("edit.save")}
        </SubmitButton>
        <Result state={edit} />
      </form>
      <div className={box}>
        <h2 className="font-semibold">{t("access.title")}</h2>
        <form action={resetAction} className="space-y-2">
          <input type="hidden" name="userId" value={userId} />
          <p className="text-sm text-slate-600">{t("access.resetHint")}</p>
          <details>
            <summary className="w-fit cursor-pointer rounded-md bg-brand-700 px-4 py-2.5 font-medium text-white hover:bg-brand-800">
              {t("access.reset")}
            </summary>
            <SubmitButton pendingLabel={t("saving")} tone="danger" className="mt-2 sm:w-auto">
              {t("access.confirmReset")}
            </SubmitButton>
          </details>
          <Result state={reset} />
          {!isActionError(reset) && reset.link && (
            <p className="text-sm">
              {t(reset.emailed ? "access.linkEmailed" : "access.link")}{" "}
              <a href={reset.link} className="font-mono break-all text-brand-700 underline">
                {reset.link}
              </a>
            </p>
          )}
        </form>
        <form action={outAction} className="space-y-2 border-t border-slate-200 pt-3">
          <input type="hidden" name="userId" value={userId} />
          <p className="text-sm text-slate-600">{t("access.signOutHint")}</p>
          <SubmitButton pendingLabel={t("saving")} className="sm:w-auto">
            {t("access.signOut")}
          </SubmitButton>
          <Result state={out} />
        </form>
        <form action={actAction} className="space-y-2 border-t border-slate-200 pt-3">
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="active" value={active ? "false" : "true"} />
          <p className="text-sm text-slate-600">
            {t(active ? "access.deactivateHint" : "access.activateHint")}
          </p>
          {active ? (
            <details>
              <summary className="w-fit cursor-pointer rounded-md bg-red-700 px-4 py-2.5 font-medium text-white hover:bg-red-800">
                {t("access.deactivate")}
              </summary>
              <SubmitButton pendingLabel={t("saving")} tone="danger" className="mt-2 sm:w-auto">
                {t("access.confirmDeactivate")}
              </SubmitButton>
            </details>
          ) : (
            <SubmitButton pendingLabel={t("saving")} className="sm:w-auto">
              {t("access.activate")}
            </SubmitButton>
          )}
          <Result state={act} />
        </form>
      </div>
    </div>
  );
}
