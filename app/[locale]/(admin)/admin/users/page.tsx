import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { branchOptionLabel } from "@/components/admin/branch-label";
import { PageHeader } from "@/components/shell/page-header";
import { buttonClass } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { Link } from "@/components/ui/link";
import { Table } from "@/components/ui/table";
import { listBranchTree } from "@/db/queries/admin-branches";
import { listUsers, USERS_PAGE_SIZE, type UserFilters } from "@/db/queries/admin-users";
import { isRole, ROLES } from "@/lib/auth/roles";
import { localName } from "@/lib/i18n/local-name";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminUsers"))("title") };
}

type Search = { q?: string; role?: string; branch?: string; status?: string; page?: string };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireArea("admin");
  const s = await searchParams;
  const filters: UserFilters = {
    q: typeof s.q === "string" ? s.q.slice(0, 60) : undefined,
    role: isRole(s.role) ? s.role : undefined,
    branchId: typeof s.branch === "string" && s.branch ? s.branch.slice(0, 64) : undefined,
    status: s.status === "active" || s.status === "inactive" ? s.status : undefined,
  };
  const page = Math.max(1, Number(s.page) || 1);
  const [t, tRoles, locale, tree, { rows, total }] = await Promise.all([
    getTranslations("adminUsers"),
    getTranslations("roles"),
    getLocale(),
    listBranchTree(),
    listUsers({ filters, page }),
  ]);
  const pages = Math.max(1, Math.ceil(total / USERS_PAGE_SIZE));
  const pageLink = (p: number) => {
    const q = new URLSearchParams(
      Object.entries({ ...s, page: String(p) }).filter(([, v]) => v) as [string, string][],
    );
    return `/admin/users?${q}`;
  };

  return (
    <>
      <PageHeader title={t("title")} intro={t("intro")}>
        <Link href="/admin/users/import" className={buttonClass()}>
          {t("import")}
        </Link>
      </PageHeader>
      <form
        method="get"
        className="mb-6 grid gap-3 rounded-lg bg-white p-4 ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
      >
        <Field
          id="q"
          label={t("search")}
          name="q"
          defaultValue={filters.q}
          maxLength={60}
          className="lg:col-span-2"
        />
        <Select
          id="role"
          label={t("fields.role")}
          name="role"
          defaultValue={filters.role ?? ""}
          options={ROLES.map((r) => ({ value: r, label: tRoles(r) }))}
          any={t("any")}
        />
        <Select
          id="branch"
          label={t("fields.branch")}
          name="branch"
          defaultValue={filters.branchId ?? ""}
          options={tree.map((b) => ({ value: b.id, label: branchOptionLabel(b, locale) }))}
          any={t("any")}
        />
        <Select
          id="status"
          label={t("fields.status")}
          name="status"
          defaultValue={filters.status ?? ""}
          options={[
            { value: "active", label: t("active") },
            { value: "inactive", label: t("inactive") },
          ]}
          any={t("any")}
        />
        <button type="submit" className={`${buttonClass("dark")} lg:col-start-5`}>
          {t("filter")}
        </button>
      </form>
      <p className="mb-2 text-sm text-slate-600" role="status">
        {t("count", { count: total })}
      </p>
      <Table
        caption={t("title")}
        columns={(["employeeNo", "name", "branch", "role", "email", "status"] as const).map((c) =>
          t(`fields.${c}`),
        )}
        empty={t("none")}
        isEmpty={rows.length === 0}
      >
        {rows.map((u) => (
          <tr key={u.id}>
            <td className="px-3 py-2 whitespace-nowrap">
              <Link href={`/admin/users/${u.id}`} className="font-medium text-brand-700 underline">
                {u.employeeNo}
              </Link>
            </td>
            <td className="px-3 py-2 whitespace-nowrap">{u.name}</td>
            <td className="px-3 py-2 whitespace-nowrap">{localName(u, locale, "branchName")}</td>
            <td className="px-3 py-2 whitespace-nowrap">{tRoles(u.role)}</td>
            <td className="px-3 py-2">{u.email ?? "—"}</td>
            <td className="px-3 py-2 whitespace-nowrap">
              {u.active ? t("active") : <span className="font-medium text-red-800">{t("inactive")}</span>}
            </td>
          </tr>
        ))}
      </Table>
      {pages > 1 && (
        <nav aria-label={t("pages")} className="mt-3 flex gap-3 text-sm">
          {page > 1 && (
            <Link href={pageLink(page - 1)} className="text-brand-700 underline">
              {t("previous")}
            </Link>
          )}
          <span>{t("pageOf", { page, pages })}</span>
          {page < pages && (
            <Link href={pageLink(page + 1)} className="text-brand-700 underline">
              {t("next")}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
