"use client";

import { useEffect, useState } from "react";

/** How far through the element the reader has scrolled, 0 to 100, updated at most once a frame. */
export function useReadingProgress(elementId: string): number {
  const [percent, setPercent] = useState(0);
  useEffect(() => {
    const element = document.getElementById(elementId);
    if (!element) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const box = element.getBoundingClientRect();
      const span = box.height - window.innerHeight;
      const read = span <= 0 ? 1 : -box.top / span;
      setPercent(Math.round(Math.min(1, Math.max(0, read)) * 100));
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    return () => {
      window.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", schedule);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [elementId]);
  return percent;
}
