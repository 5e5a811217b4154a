import { getLocale, getTranslations } from "next-intl/server";
import type { FormAction } from "@/components/ui/action-form";
import { LocaleSwitchForm } from "./locale-switch-form";

const STYLES = {
  dark: "border-white/40 hover:bg-white/10",
  light: "border-slate-300 bg-white hover:bg-slate-100",
};

/** The language button; `action` is the server action that stores the choice (app/[locale]/locale-actions.ts). */
export async function LocaleSwitcher({
  action,
  variant = "dark",
}: {
  action: FormAction;
  variant?: keyof typeof STYLES;
}) {
  const locale = await getLocale();
  const t = await getTranslations("locale");
  const target = locale === "en" ? "zh-CN" : "en";
  return (
    <LocaleSwitchForm
      action={action}
      target={target}
      label={t("switchTo")}
      className={`rounded-md border px-3 py-1.5 text-sm ${STYLES[variant]}`}
    >
      {t(target)}
    </LocaleSwitchForm>
  );
}
