"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import type { Availability } from "@/lib/assessment/policy";
import type { Wire } from "@/lib/assessment/views";

/** The clock a page counts with, ticking every `ms` so waits shown in minutes stay true. */
export function useNow(ms = 15_000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

/** "今天还可作答 1 次" / "10 分钟后可再次作答（10:40）" / "明天 00:00 后可再次作答", in plain words. */
export function AvailabilityText({ availability, now }: { availability: Wire<Availability>; now: number }) {
  const t = useTranslations("learn.check");
  const locale = useLocale();
  if (availability.canStart) return <>{t("left", { count: availability.attemptsLeftToday })}</>;
  if (availability.reason === "daily-limit") return <>{t("dailyLimit")}</>;
  const opensAt = new Date(availability.opensAt);
  // `now` only re-renders the text as time passes; the wait is measured from this render.
  const minutes = Math.max(1, Math.ceil((opensAt.getTime() - Math.max(now, Date.now())) / 60_000));
  const time = new Intl.DateTimeFormat(locale, {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "Asia/Shanghai",
  }).format(opensAt);
  return <>{t("cooldown", { minutes, time })}</>;
}
