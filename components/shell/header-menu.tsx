"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { Link } from "@/components/ui/link";
import { currentHref } from "@/lib/navigation/current-href";

export type NavLink = { href: string; label: string };

/**
 * The header's navigation and tools (user, language, sign out). The link of the page being shown is
 * marked (aria-current and a light background). From 640 px up everything sits in the header row; on a
 * phone a menu button shows and hides it, and following a link closes it.
 */
export function HeaderMenu({
  links,
  navLabel,
  menuLabel,
  children,
}: {
  links: NavLink[];
  navLabel: string;
  menuLabel: string;
  children: React.ReactNode;
}) {
  const pathname = usePathname();
  const current = currentHref(
    pathname,
    links.map((l) => l.href),
  );
  const [open, setOpen] = useState(false);
  const [openedAt, setOpenedAt] = useState(pathname);
  if (openedAt !== pathname) {
    setOpenedAt(pathname);
    setOpen(false);
  }
  const panel = useId();
  const button = useRef<HTMLButtonElement>(null);
  // Escape closes the open menu and puts the focus back on its button.
  useEffect(() => {
    if (!open) return;
    const close = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", close);
    return () => document.removeEventListener("keydown", close);
  }, [open]);
  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen(!open)}
        className="ml-auto flex items-center gap-2 rounded-md border border-white/40 px-3 py-1.5 text-sm hover:bg-white/10 sm:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
          {open ? (
            <path d="M4.3 4.3a1 1 0 0 1 1.4 0L10 8.6l4.3-4.3a1 1 0 1 1 1.4 1.4L11.4 10l4.3 4.3a1 1 0 0 1-1.4 1.4L10 11.4l-4.3 4.3a1 1 0 0 1-1.4-1.4L8.6 10 4.3 5.7a1 1 0 0 1 0-1.4Z" />
          ) : (
            <path d="M3 5h14a1 1 0 1 1 0 2H3a1 1 0 0 1 0-2Zm0 4h14a1 1 0 1 1 0 2H3a1 1 0 1 1 0-2Zm0 4h14a1 1 0 1 1 0 2H3a1 1 0 1 1 0-2Z" />
          )}
        </svg>
        {menuLabel}
      </button>
      <div
        id={panel}
        className={`${open ? "flex" : "hidden"} w-full flex-col gap-3 border-t border-white/20 pt-3 sm:flex sm:w-auto sm:flex-1 sm:flex-row sm:flex-wrap sm:items-center sm:gap-x-6 sm:border-0 sm:pt-0`}
      >
        <nav aria-label={navLabel}>
          <ul className="flex flex-col gap-1 sm:flex-row sm:flex-wrap">
            {links.map((l) => (
              <li key={l.href}>
                <Link
                  href={l.href}
                  aria-current={l.href === current ? "page" : undefined}
                  className={`block rounded-md px-3 py-2 text-sm sm:py-1.5 ${
                    l.href === current ? "bg-white font-medium text-brand-800" : "hover:bg-white/10"
                  }`}
                >
                  {l.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="flex flex-wrap items-center gap-3 sm:ml-auto">{children}</div>
      </div>
    </>
  );
}
