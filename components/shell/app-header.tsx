import { getTranslations } from "next-intl/server";
import { ActionForm, type FormAction } from "@/components/ui/action-form";
import { Link } from "@/components/ui/link";
import { AREA_HOME, type Area, areasFor, type Role } from "@/lib/auth/roles";
import { SESSION_TIMING } from "@/lib/auth/session-timing";
import { HeaderMenu } from "./header-menu";
import { IdleWarning } from "./idle-warning";
import { LocaleSwitcher } from "./locale-switcher";

const NAV: {
  area: Area;
  key: "learn" | "author" | "reports" | "admin";
  extra?: { href: string; key: "chapters" | "practice" }[];
}[] = [
  {
    area: "learn",
    key: "learn",
    extra: [
      { href: "/learn", key: "chapters" },
      { href: "/practice", key: "practice" },
    ],
  },
  { area: "author", key: "author" },
  { area: "reports", key: "reports" },
  { area: "admin", key: "admin" },
];

/** The server actions the shell's buttons call; pages pass them in, so components/ never imports app/. */
export type ShellActions = { signOut: FormAction; switchLocale: FormAction };

/**
 * The top bar. `userBlock` is the signed-in person's name and branch, `bell` the way to their
 * notifications with the unread count (each server- or client-rendered).
 */
export async function AppHeader({
  userRole,
  userBlock,
  bell,
  actions,
}: {
  userRole: Role;
  userBlock: React.ReactNode;
  bell: React.ReactNode;
  actions: ShellActions;
}) {
  const t = await getTranslations();
  const areas = new Set(areasFor(userRole));
  const links = NAV.filter((n) => areas.has(n.area)).flatMap((n) => [
    { href: AREA_HOME[n.area], label: t(`nav.${n.key}`) },
    ...(n.extra ?? []).map((e) => ({ href: e.href, label: t(`nav.${e.key}`) })),
  ]);

  return (
    <header data-shell className="bg-brand-700 text-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-brand-800"
      >
        {t("app.skipToContent")}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-wide">
          {t("app.name")}
        </Link>
        <HeaderMenu links={links} navLabel={t("nav.label")} menuLabel={t("nav.menu")}>
          {bell}
          {userBlock}
          <LocaleSwitcher action={actions.switchLocale} />
          <ActionForm action={actions.signOut}>
            <button
              type="submit"
              className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-brand-800 hover:bg-brand-50"
            >
              {t("nav.signOut")}
            </button>
          </ActionForm>
        </HeaderMenu>
      </div>
      <IdleWarning
        idleMs={SESSION_TIMING.idleMs}
        warnBeforeMs={SESSION_TIMING.warnBeforeMs}
        signOut={actions.signOut}
      />
    </header>
  );
}
