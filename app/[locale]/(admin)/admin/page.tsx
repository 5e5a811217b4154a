import { getTranslations } from "next-intl/server";
import { requireArea } from "@/app/[locale]/(auth)/session";
import { PageHeader } from "@/components/shell/page-header";
import { Link } from "@/components/ui/link";

const CARDS = [
  { href: "/admin/users", key: "users" },
  { href: "/admin/users/import", key: "import" },
  { href: "/admin/branches", key: "branches" },
  { href: "/admin/audit", key: "audit" },
  { href: "/admin/certificates", key: "certificates" },
  { href: "/admin/security", key: "security" },
  { href: "/admin/xapi", key: "xapi" },
] as const;

export default async function AdminHome() {
  await requireArea("admin");
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={t("home.admin.title")} intro={t("home.admin.intro")} />
      <ul className="grid gap-4 sm:grid-cols-2">
        {CARDS.map(({ href, key }) => (
          <li key={href}>
            <Link
              href={href}
              className="block h-full rounded-lg bg-white p-5 ring-1 ring-slate-200 hover:ring-brand-500 focus-visible:outline-2"
            >
              <span className="font-semibold">{t(`adminHome.${key}`)}</span>
              <span className="mt-1 block text-sm text-slate-600">{t(`adminHome.${key}Hint`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
