import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { branchOptionLabel } from "@/components/admin/branch-label";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { listBranchTree } from "@/db/queries/admin-branches";
import { isInSubtree } from "@/lib/auth/scope";
import { localName } from "@/lib/i18n/local-name";
import { BranchEditor, CreateBranchForm } from "./branch-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminBranches"))("title") };
}

export default async function BranchesPage() {
  await requireArea("admin");
  const [t, locale, tree] = await Promise.all([
    getTranslations("adminBranches"),
    getLocale(),
    listBranchTree(),
  ]);
  const options = tree
    .filter((b) => b.active)
    .map((b) => ({ id: b.id, label: branchOptionLabel(b, locale) }));
  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")} />
      <div className="mb-6">
        <CreateBranchForm parents={options} />
      </div>
      {tree.length === 0 ? (
        <EmptyState>{t("none")}</EmptyState>
      ) : (
        <ul
          className="divide-y divide-slate-200 rounded-lg bg-white ring-1 ring-slate-200"
          aria-label={t("treeLabel")}
        >
          {tree.map((b) => {
            const depth = b.path.split("/").filter(Boolean).length - 1;
            return (
              <li
                key={b.id}
                data-testid={`branch-${b.code}`}
                className="px-4 py-3"
                style={{ paddingLeft: `${1 + depth * 1.5}rem` }}
              >
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <span className="font-medium">{localName(b, locale)}</span>
                  <span className="font-mono text-sm text-slate-600">{b.code}</span>
                  <Link href={`/admin/users?branch=${b.id}`} className="text-sm text-brand-700 underline">
                    {t("people", { count: b.activeUsers })}
                  </Link>
                  {!b.active && (
                    <span className="rounded bg-slate-200 px-2 py-0.5 text-xs font-medium">
                      {t("inactive")}
                    </span>
                  )}
                </div>
                <BranchEditor
                  branch={{ ...b, empty: b.activeUsers === 0 && b.activeChildren === 0 }}
                  parents={options.filter(
                    (o) => !isInSubtree(tree.find((x) => x.id === o.id)?.path ?? "", b.path),
                  )}
                />
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
