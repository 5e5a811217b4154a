import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";

export type ReportSection = "overview" | "people" | "items" | "review" | "assign";

const HREF: Record<ReportSection, string> = {
  overview: "/reports",
  people: "/reports/people",
  items: "/reports/items",
  review: "/reports/review",
  assign: "/reports/assign",
};

/** Tabs between the report pages; `sections` leaves out what the viewer may not open. */
export async function ReportNav({
  current,
  sections = ["overview", "people", "items", "review", "assign"],
}: {
  current: ReportSection;
  sections?: ReportSection[];
}) {
  const t = await getTranslations("reports.nav");
  return (
    <nav
      aria-label={t("label")}
      className="-mt-4 mb-6 overflow-x-auto border-b border-slate-200 print:hidden"
    >
      <ul className="flex min-w-max gap-1">
        {sections.map((s) => (
          <li key={s}>
            <Link
              href={HREF[s]}
              aria-current={s === current ? "page" : undefined}
              className={`inline-block border-b-2 px-4 py-2 text-sm font-medium ${
                s === current
                  ? "border-brand-700 text-brand-800"
                  : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"
              }`}
            >
              {t(s)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
