import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { localName } from "@/lib/i18n/local-name";

type Crumb = { id: string; name: string; nameEn: string };

/**
 * Where a drilled-into branch sits, from the top of the viewer's scope: every step but the last
 * links to its overview (`href`), the last is the current page unless `linkLast`.
 */
export async function BranchTrail({
  trail,
  locale,
  topHref = "/reports",
  href = (id) => `/reports?branch=${encodeURIComponent(id)}`,
  linkLast = false,
  tail,
}: {
  trail: Crumb[];
  locale: string;
  topHref?: string;
  href?: (id: string) => string;
  linkLast?: boolean;
  /** A last step after the branches (what the page shows of the branch). */
  tail?: string;
}) {
  const t = await getTranslations("reports.trail");
  const steps = [
    { key: "top", label: t("overview"), href: topHref },
    ...trail.map((b) => ({ key: b.id, label: localName(b, locale), href: href(b.id) })),
    ...(tail ? [{ key: "tail", label: tail, href: "" }] : []),
  ];
  const last = steps.length - 1;
  return (
    <nav aria-label={t("label")} className="mb-4 text-sm">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1 text-slate-600">
        {steps.map((s, i) => (
          <li key={s.key} className="flex items-center gap-2">
            {i > 0 && <span aria-hidden="true">/</span>}
            {i < last || (linkLast && s.href) ? (
              <Link href={s.href} className="text-brand-700 underline">
                {s.label}
              </Link>
            ) : (
              <span aria-current="page" className="font-medium text-slate-900">
                {s.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
