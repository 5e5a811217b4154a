import { fileCatalog } from "../content/catalog";
import { type AssignmentItemType, addCalendarDays, bankDate, isCalendarDate } from "./assignment-status";

/** The certification a new learner's onboarding path ends in. */
export const ONBOARDING_CERTIFICATION = "counter-service";
/** Calendar days a new learner has to finish the onboarding path. */
export const ONBOARDING_DAYS = 30;

/**
 * The onboarding due date, the one place it is computed: ONBOARDING_DAYS after the hire date, or
 * after the day the account was created (in the bank's time zone) when there is no valid hire date.
 */
export function onboardingDueDate({ hireDate, createdAt }: { hireDate?: string | null; createdAt: Date }) {
  const start = hireDate && isCalendarDate(hireDate) ? hireDate : bankDate(createdAt);
  return addCalendarDays(start, ONBOARDING_DAYS);
}

/**
 * What the onboarding path holds: every shipped chapter and scenario (content/) and the
 * certification. Modules trainers add later are assigned by managers.
 */
export function onboardingItems(): [AssignmentItemType, string][] {
  const catalog = fileCatalog();
  return [
    ...catalog.chapterSlugs().map((slug): [AssignmentItemType, string] => ["chapter", slug]),
    ...catalog.scenarioSlugs().map((slug): [AssignmentItemType, string] => ["scenario", slug]),
    ["certification", ONBOARDING_CERTIFICATION],
  ];
}
