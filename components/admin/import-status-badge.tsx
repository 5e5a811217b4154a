import { useTranslations } from "next-intl";
import type { RowAction } from "@/lib/admin-import/plan";

const TONES: Record<RowAction, string> = {
  create: "bg-emerald-100 text-emerald-900",
  update: "bg-sky-100 text-sky-900",
  unchanged: "bg-slate-100 text-slate-800",
  error: "bg-red-100 text-red-900",
};

export function ImportStatusBadge({ action }: { action: RowAction }) {
  const t = useTranslations("adminImport.actions");
  return (
    <span
      className={`inline-block rounded px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONES[action]}`}
    >
      {t(action)}
    </span>
  );
}
