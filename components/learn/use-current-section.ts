"use client";

import { useEffect, useState } from "react";

/**
 * The id of the section being read: the last of the headings that has crossed the upper third of
 * the window. An IntersectionObserver says when one crosses, in either direction.
 */
export function useCurrentSection(ids: readonly string[]): string | null {
  const [current, setCurrent] = useState<string | null>(null);
  const key = ids.join(" ");
  useEffect(() => {
    const headings = key
      .split(" ")
      .map((id) => document.getElementById(id))
      .filter((el) => el !== null);
    if (headings.length === 0) return;
    const line = () => window.innerHeight / 3;
    const pick = () => {
      const passed = headings.filter((h) => h.getBoundingClientRect().top <= line());
      setCurrent((passed.at(-1) ?? headings[0])?.id ?? null);
    };
    const observer = new IntersectionObserver(pick, { rootMargin: "0px 0px -66% 0px" });
    for (const h of headings) observer.observe(h);
    pick();
    return () => observer.disconnect();
  }, [key]);
  return current;
}
