import { z } from "zod";
import { ROLES } from "../auth/roles";

export const PERSON_STATUSES = ["certified", "not-certified", "expiring", "overdue"] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** The people list's query string: unknown or malformed values are dropped, never trusted. */
export const peopleFilterSchema = z.object({
  branch: z.preprocess(blankToUndefined, z.string().max(100).optional()).catch(undefined),
  role: z.preprocess(blankToUndefined, z.enum(ROLES).optional()).catch(undefined),
  hiredFrom: z.preprocess(blankToUndefined, date.optional()).catch(undefined),
  hiredTo: z.preprocess(blankToUndefined, date.optional()).catch(undefined),
  status: z.preprocess(blankToUndefined, z.enum(PERSON_STATUSES).optional()).catch(undefined),
  q: z.preprocess(blankToUndefined, z.string().trim().max(50).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type PeopleFilter = z.infer<typeof peopleFilterSchema>;

/** Parses URLSearchParams or a Next.js searchParams object. */
export function parsePeopleFilter(params: URLSearchParams | Record<string, string | string[] | undefined>) {
  const entries =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v] as const);
  return peopleFilterSchema.parse(Object.fromEntries(entries));
}

/** The filter as a query string (without the page), for links and exports. */
export function filterQuery(f: PeopleFilter, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams();
  for (const key of ["branch", "role", "hiredFrom", "hiredTo", "status", "q"] as const) {
    const v = f[key];
    if (v) params.set(key, v);
  }
  for (const [k, v] of Object.entries(extra)) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : "";
}
