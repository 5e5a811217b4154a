"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A region that scrolls sideways instead of widening the page: focusable and labelled (so the
 * keyboard can scroll it and axe's scrollable-region-focusable holds), marked `data-scroll-region`,
 * and, while something is out of sight, a fade at the edge that has more plus the `hint` under it.
 */
export function ScrollRegion({
  label,
  hint,
  className = "",
  children,
}: {
  label: string;
  hint?: string;
  className?: string;
  children: React.ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  const [more, setMore] = useState({ left: false, right: false });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () =>
      setMore({
        left: el.scrollLeft > 1,
        right: el.scrollLeft + el.clientWidth < el.scrollWidth - 1,
      });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    el.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener("scroll", measure);
    };
  }, []);
  const fade = "pointer-events-none absolute inset-y-0 w-6 from-slate-900/15 to-transparent";
  return (
    <div className={className}>
      <div className="relative">
        <section
          ref={ref}
          aria-label={label}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled from the keyboard
          tabIndex={0}
          data-scroll-region
          className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
        >
          {children}
        </section>
        {more.left && <div aria-hidden="true" className={`${fade} left-0 bg-gradient-to-r`} />}
        {more.right && <div aria-hidden="true" className={`${fade} right-0 bg-gradient-to-l`} />}
      </div>
      {hint && (more.left || more.right) && (
        <p aria-hidden="true" className="px-3 py-1 text-xs text-slate-600" data-testid="scroll-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
