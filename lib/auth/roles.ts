export const ROLES = ["learner", "trainer", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

export type Area = "learn" | "author" | "reports" | "admin";

/** The one place that says what each role may use. Navigation and every server check read it. */
export const CAPABILITIES: Record<Role, Record<Area, boolean>> = {
  learner: { learn: true, author: false, reports: false, admin: false },
  trainer: { learn: false, author: true, reports: false, admin: false },
  manager: { learn: false, author: false, reports: true, admin: false },
  admin: { learn: false, author: true, reports: true, admin: true },
};

export const AREA_HOME: Record<Area, string> = {
  learn: "/",
  author: "/author",
  reports: "/reports",
  admin: "/admin",
};

export function can(role: Role, area: Area): boolean {
  return CAPABILITIES[role][area];
}

export function homeFor(role: Role): string {
  const first: Record<Role, Area> = {
    learner: "learn",
    trainer: "author",
    manager: "reports",
    admin: "admin",
  };
  return AREA_HOME[first[role]];
}

export function areasFor(role: Role): Area[] {
  return (Object.keys(CAPABILITIES[role]) as Area[]).filter((a) => CAPABILITIES[role][a]);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Item analysis (`/reports/items`): the reporting roles, and trainers for the content they write. */
export function canAnalyseItems(role: Role): boolean {
  return can(role, "reports") || role === "trainer";
}
