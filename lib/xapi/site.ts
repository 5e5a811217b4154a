import { v5 as uuidv5 } from "uuid";
import { env } from "@/lib/env";
import type { Agent } from "./types";

/**
 * Where the statements come from: the app's public origin (APP_URL), which names the learners'
 * accounts and every activity, and a UUID namespace derived from it for the statement ids.
 */
export type Site = { origin: string; namespace: string };

export function siteOf(appUrl: string): Site {
  const origin = new URL(appUrl).origin;
  return { origin, namespace: uuidv5(origin, uuidv5.URL) };
}

let configured: Site | null = null;
/** The site of APP_URL, for callers that do not pass one. */
export function defaultSite(): Site {
  configured ??= siteOf(env.APP_URL);
  return configured;
}

/**
 * A statement id fixed by the event it records (UUID v5 of e.g. "check/<attempt>/result"): the
 * same event always makes the same id, so storing it twice stores it once and an LRS that already
 * holds it answers as for any duplicate.
 */
export function statementId(site: Site, event: string): string {
  return uuidv5(event, site.namespace);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** `context.registration` must be a UUID: an attempt id that is one is used as it is, any other is mapped to one. */
export function registrationOf(site: Site, attemptId: string): string {
  return UUID.test(attemptId) ? attemptId.toLowerCase() : uuidv5(`registration/${attemptId}`, site.namespace);
}

/** The learner by account on this platform (home page = APP_URL, name = employee number), never by name or e-mail. */
export function actorOf(site: Site, employeeNo: string): Agent {
  return { objectType: "Agent", account: { homePage: site.origin, name: employeeNo } };
}

/** An ISO 8601 duration to the hundredth of a second, as xAPI asks: 83 520 ms → "PT1M23.52S". */
export function isoDuration(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6000);
  const seconds = (centis % 6000) / 100;
  return `PT${hours ? `${hours}H` : ""}${minutes ? `${minutes}M` : ""}${seconds}S`;
}
