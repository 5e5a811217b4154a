import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("reports");
  return (
    <div role="status" aria-live="polite" className="flex items-center gap-3 p-8 text-slate-600">
      <span
        aria-hidden="true"
        className="h-4 w-4 animate-spin rounded-full border-2 border-slate-300 border-t-brand-700"
      />
      {t("loading")}
    </div>
  );
}
