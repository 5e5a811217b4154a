"use client";

import { useEffect, useRef } from "react";
import { useChapterState } from "./chapter-state";

/**
 * Reports the furthest section heading the learner has scrolled to, so reading resumes on any
 * device. Only moves forward; a failed report is retried when the next section comes into view.
 */
export function ReadingTracker({ slug, sectionIds }: { slug: string; sectionIds: string[] }) {
  const { state } = useChapterState();
  const furthest = state?.sectionIndex;
  const reached = useRef(-1);

  useEffect(() => {
    if (furthest === undefined) return;
    reached.current = Math.max(reached.current, furthest);
    const headings = sectionIds.map((id) => document.getElementById(id)).filter((el) => el !== null);
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          const index = sectionIds.indexOf(entry.target.id);
          if (index <= reached.current) continue;
          reached.current = index;
          fetch(`/api/learn/${encodeURIComponent(slug)}/progress`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ sectionIndex: index }),
            keepalive: true,
          }).catch(() => {
            reached.current = Math.min(reached.current, index - 1);
          });
        }
      },
      { rootMargin: "0px 0px -40% 0px" },
    );
    for (const h of headings) observer.observe(h);
    return () => observer.disconnect();
  }, [slug, sectionIds, furthest]);

  return null;
}
