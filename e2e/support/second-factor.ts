import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";

/**
 * The tests' authenticator app. Admins and trainers (and managers, when an admin requires it) are
 * asked for a code after their password. The first time, the second step enrols them: the test
 * reads the secret shown for manual entry, as a person would type it into their app, and keeps it
 * in a git-ignored file so every later sign-in of that account, in any worker, computes its code.
 * The server accepts each time step once (and the step after the current one), so the last step
 * used is kept too and the next code is always a fresh one.
 */
const DIR = path.join(import.meta.dirname, "../.auth/second-factor");
const PERIOD_MS = 30_000;

type Saved = { secret: string; lastStep: number };

function file(employeeNo: string) {
  return path.join(DIR, `${employeeNo}.json`);
}

function load(employeeNo: string): Saved | null {
  try {
    return JSON.parse(readFileSync(file(employeeNo), "utf8")) as Saved;
  } catch {
    return null;
  }
}

function save(employeeNo: string, saved: Saved) {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(file(employeeNo), JSON.stringify(saved));
}

/** The code of one 30-second step, as any authenticator app computes it (RFC 6238, SHA-1, 6 digits). */
export function totpCode(secret: string, step: number): string {
  return TOTP.generate({
    secret: Secret.fromBase32(secret),
    algorithm: "SHA1",
    digits: 6,
    period: 30,
    timestamp: step * PERIOD_MS,
  });
}

/** A step the server has not seen for this account yet: now, or the next one (waiting when both are used). */
async function freshStep(lastStep: number): Promise<number> {
  for (;;) {
    const current = Math.floor(Date.now() / PERIOD_MS);
    const step = Math.max(current, lastStep + 1);
    if (step <= current + 1) return step;
    await new Promise((r) => setTimeout(r, (current + 1) * PERIOD_MS - Date.now() + 50));
  }
}

/** The next code for an account whose secret the tests hold, marking its step as used. */
export async function nextCode(employeeNo: string): Promise<string> {
  const saved = load(employeeNo);
  if (!saved) throw new Error(`no authenticator secret saved for ${employeeNo}`);
  const step = await freshStep(saved.lastStep);
  save(employeeNo, { ...saved, lastStep: step });
  return totpCode(saved.secret, step);
}

const codeInput = (page: Page) => page.locator('input[name="code"]');
const submit = (page: Page) => page.locator('form:has(input[name="code"]) button[type="submit"]');

/**
 * Sets up the authenticator on the enrolment page: reads the secret, confirms with its code, and
 * returns the recovery codes shown once (the page then waits on "continue").
 */
export async function enrolOnPage(page: Page, employeeNo: string): Promise<string[]> {
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  save(employeeNo, { secret, lastStep: 0 });
  await codeInput(page).fill(await nextCode(employeeNo));
  await submit(page).click();
  const codes = page.locator("#recovery-title ~ ol li");
  await codes.first().waitFor();
  return codes.allInnerTexts();
}

/**
 * Passes the second sign-in step the page is on (after the password): enrols the account the
 * first time, else enters the next code. Leaves the page on the person's home.
 */
export async function passSecondStep(page: Page, employeeNo: string) {
  await page.waitForURL((url) => url.pathname === "/login/verify");
  await codeInput(page).waitFor();
  if ((await page.getByTestId("totp-secret").count()) > 0) {
    await enrolOnPage(page, employeeNo);
    await page.locator("#recovery-title ~ form button[type=submit]").click();
  } else {
    await codeInput(page).fill(await nextCode(employeeNo));
    await submit(page).click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}
