import { tz } from "@date-fns/tz";
import { addDays, startOfDay } from "date-fns";
import { BANK_TIME_ZONE } from "@/lib/training/assignment-status";

const inBank = { in: tz(BANK_TIME_ZONE) };

/** 00:00 in the bank's time zone (Beijing) of the day `at` falls on. */
export function startOfBankDay(at: Date): Date {
  return new Date(startOfDay(at, inBank).getTime());
}

/** 00:00 Beijing time, `days` calendar days after the day `at` falls on (1 = tomorrow). */
export function bankDayStart(at: Date, days: number): Date {
  return new Date(startOfDay(addDays(at, days, inBank), inBank).getTime());
}
