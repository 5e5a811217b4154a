import { Secret, TOTP } from "otpauth";

/** RFC 6238 as every authenticator app implements it: SHA-1, six digits, 30-second steps. */
const PARAMS = { algorithm: "SHA1", digits: 6, period: 30 } as const;
export const TOTP_PERIOD_MS = PARAMS.period * 1000;
/** A code from the step before or after is accepted too: clocks drift, and codes change while typed. */
const WINDOW = 1;
/** The name an authenticator app shows above the code. */
const ISSUER = "柜面服务培训";

/** A fresh secret (160 bits, as RFC 4226 recommends), in base32 as apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// address the enrolment QR code carries. */
export function totpUri(secret: string, account: string): string {
  return new TOTP({
    ...PARAMS,
    issuer: ISSUER,
    label: account,
    secret: Secret.fromBase32(secret),
  }).toString();
}

/** "123 456" → "123456"; anything else stays as typed (and fails to match). */
export function normalizeTotpCode(code: string): string {
  return code.replace(/[\s-]/g, "");
}

export function looksLikeTotpCode(code: string): boolean {
  return /^\d{6}$/.test(normalizeTotpCode(code));
}

/**
 * The time step a code belongs to, or null when it matches none around `now`. The caller stores
 * the step and accepts only later ones, so a code works once (RFC 6238 §5.2).
 */
export function matchTotp(secret: string, code: string, now: number): number | null {
  const token = normalizeTotpCode(code);
  if (!/^\d{6}$/.test(token)) return null;
  const delta = TOTP.validate({
    ...PARAMS,
    token,
    secret: Secret.fromBase32(secret),
    timestamp: now,
    window: WINDOW,
  });
  return delta === null ? null : TOTP.counter({ period: PARAMS.period, timestamp: now }) + delta;
}

/** The code of one time step (tests, and the demo's code printer). */
export function totpCodeAtStep(secret: string, step: number): string {
  return TOTP.generate({ ...PARAMS, secret: Secret.fromBase32(secret), timestamp: step * TOTP_PERIOD_MS });
}

export function totpStep(now: number): number {
  return TOTP.counter({ period: PARAMS.period, timestamp: now });
}

/** "JBSW Y3DP EHPK 3PXP": the secret in groups of four, for typing it into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}
