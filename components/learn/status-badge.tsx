import { useTranslations } from "next-intl";
import type { ChapterStatus } from "./chapter-status";

const STYLE: Record<ChapterStatus, string> = {
  notStarted: "bg-slate-100 text-slate-700",
  inProgress: "bg-amber-100 text-amber-900",
  passed: "bg-emerald-100 text-emerald-900",
  relearn: "bg-orange-100 text-orange-900",
};

export function StatusBadge({ status }: { status: ChapterStatus }) {
  const t = useTranslations("learn.status");
  return (
    <span className={`whitespace-nowrap rounded-full px-2.5 py-0.5 text-xs font-medium ${STYLE[status]}`}>
      {t(status)}
    </span>
  );
}
