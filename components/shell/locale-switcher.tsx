import { getLocale, getTranslations } from "next-intl/server";
import { switchLocale } from "@/app/locale-actions";

const STYLES = {
  dark: "border-white/40 hover:bg-white/10",
  light: "border-slate-300 bg-white hover:bg-slate-100",
};

export async function LocaleSwitcher({ variant = "dark" }: { variant?: keyof typeof STYLES }) {
  const locale = await getLocale();
  const t = await getTranslations("locale");
  const target = locale === "en" ? "zh-CN" : "en";
  return (
    <form action={switchLocale}>
      <input type="hidden" name="locale" value={target} />
      <button
        type="submit"
        lang={target}
        aria-label={t("switchTo")}
        className={`rounded-md border px-3 py-1.5 text-sm ${STYLES[variant]}`}
      >
        {t(target)}
      </button>
    </form>
  );
}
