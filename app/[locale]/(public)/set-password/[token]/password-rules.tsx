"use client";

import { useTranslations } from "next-intl";
import { passwordChecks } from "@/lib/auth/password-policy";

/**
 * The password rules under the new-password field, each ticked as the typed password meets it
 * (the server checks the same rules again, lib/auth/password-policy.ts).
 */
export function PasswordRules({
  id,
  password,
  maxAgeDays,
}: {
  id: string;
  password: string;
  maxAgeDays?: number;
}) {
  const t = useTranslations("setPassword.policy");
  const checks = passwordChecks(password);
  const rules = [
    { key: "length", met: checks.length },
    { key: "classes", met: checks.classes },
    { key: "common", met: password.length > 0 && checks.common },
  ] as const;
  return (
    <div id={id} className="rounded-md bg-slate-50 p-3 text-sm text-slate-700">
      <p className="font-medium">{t("title")}</p>
      <ul className="mt-1 space-y-1">
        {rules.map(({ key, met }) => (
          <li key={key} className="flex gap-2">
            <span aria-hidden="true" className={met ? "text-emerald-700" : "text-slate-400"}>
              {met ? "✓" : "○"}
            </span>
            <span>
              {t(key)}
              <span className="sr-only"> ({t(met ? "met" : "unmet")})</span>
            </span>
          </li>
        ))}
        {maxAgeDays && (
          <li className="flex gap-2">
            <span aria-hidden="true" className="text-slate-400">
              ⏱
            </span>
            <span>{t("expiry", { days: maxAgeDays })}</span>
          </li>
        )}
      </ul>
    </div>
  );
}
