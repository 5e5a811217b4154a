import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { Table } from "@/components/ui/table";
import { localName } from "@/lib/i18n/local-name";
import type { ReportItem } from "@/lib/reports/items";
import type { BranchRow, SortKey } from "@/lib/reports/overview";
import { formatPercent } from "@/lib/reports/rates";

type Props = {
  rows: BranchRow[];
  items: ReportItem[];
  locale: string;
  sort: SortKey;
  dir: "asc" | "desc";
  /** The query string to keep in sort links (the drill-down branch). */
  base: Record<string, string>;
};

const th = "whitespace-nowrap px-3 py-2 text-left font-medium";
const td = "whitespace-nowrap px-3 py-2 tabular-nums";

/** The per-branch comparison, sortable by any column through links (works without JavaScript). */
export async function BranchTable({ rows, items, locale, sort, dir, base }: Props) {
  const [t, tr] = await Promise.all([getTranslations("reports.overview"), getTranslations("reports")]);
  const columns: { key: SortKey; label: string; title?: string }[] = [
    { key: "name", label: t("branch") },
    { key: "headcount", label: t("headcount") },
    { key: "certifiedShare", label: t("certified") },
    { key: "expiringShare", label: t("expiring") },
    { key: "expiredShare", label: t("expired") },
    { key: "overdueAssignments", label: t("overdue") },
    ...items.map((i) => ({ key: `passed:${i.key}` as SortKey, label: i.short, title: i.label })),
  ];
  const href = (key: SortKey) => {
    const next = sort === key && dir === "desc" ? "asc" : key === "name" && sort !== key ? "asc" : "desc";
    return `?${new URLSearchParams({ ...base, sort: key, dir: next })}`;
  };
  const name = (r: BranchRow) => localName(r.branch, locale);
  return (
    <Table
      caption={t("branchesCaption")}
      showCaption
      scrollHint={tr("scrollHint")}
      columns={columns.map((c) => ({
        key: c.key,
        sort: sort === c.key ? (dir === "asc" ? "ascending" : "descending") : undefined,
        label: (
          <Link href={href(c.key)} className="underline-offset-2 hover:underline" title={c.title}>
            {c.label}
            <span className="sr-only">{c.title ? ` ${c.title}` : ""}</span>
            {sort === c.key && <span aria-hidden="true">{dir === "asc" ? " ▲" : " ▼"}</span>}
          </Link>
        ),
      }))}
    >
      {rows.map((r) => (
        <tr key={`${r.branch.id}-${r.own}`}>
          <th scope="row" className={th}>
            {r.own ? (
              t("ownStaff", { branch: name(r) })
            ) : (
              <Link
                href={`?${new URLSearchParams({ branch: r.branch.id })}`}
                className="text-brand-700 underline-offset-2 hover:underline"
                aria-label={t("drill", { branch: name(r) })}
              >
                {name(r)}
              </Link>
            )}
          </th>
          <td className={td}>{r.headcount}</td>
          <td className={td}>{formatPercent(r.certifiedShare, locale)}</td>
          <td className={td}>{formatPercent(r.expiringShare, locale)}</td>
          <td className={td}>{formatPercent(r.expiredShare, locale)}</td>
          <td className={td}>{r.overdueAssignments}</td>
          {items.map((i) => (
            <td key={i.key} className={td}>
              <Link
                href={`/reports/cell?${new URLSearchParams({ branch: r.branch.id, ...(r.own ? { own: "1" } : {}), subject: i.key })}`}
                prefetch={false}
                className="underline-offset-2 hover:underline"
                aria-label={tr("cell.open", {
                  branch: r.own ? t("ownStaff", { branch: name(r) }) : name(r),
                  what: i.label,
                  value: formatPercent(r.passedShare[i.key] ?? null, locale),
                })}
              >
                {formatPercent(r.passedShare[i.key] ?? null, locale)}
              </Link>
            </td>
          ))}
        </tr>
      ))}
    </Table>
  );
}
