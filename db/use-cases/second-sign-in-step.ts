import "server-only";
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from "../../lib/auth/recovery-codes";
import {
  CHALLENGE_TTL_MS,
  needsSecondFactor,
  type SecondFactorMethod,
} from "../../lib/auth/second-factor-policy";
import { open, seal } from "../../lib/auth/secret-box";
import { looksLikeTotpCode, matchTotp, newTotpSecret } from "../../lib/auth/totp";
import { twoFactorKeys } from "../../lib/auth/two-factor-keys";
import { type Db, db as defaultDb } from "../client";
import { getSecuritySettings } from "../queries/app-settings";
import {
  type Challenge,
  createChallenge,
  enrolSecondFactor,
  findChallenge,
  getSecondFactor,
  getSecondFactorThrottle,
  passVerified,
  passWithRecoveryCode,
  passWithTotp,
  recordSecondFactorFailure,
} from "../queries/second-factor";
import { getSessionUser } from "../queries/users";

/** Why a second step did not pass: a wrong code, too many, the step is gone, or the secret cannot be read. */
export type StepRefusal = "wrong_code" | "locked" | "expired" | "unreadable";

/**
 * After a first factor (a password or a single sign-on) has passed for `userId`: either no second
 * step is needed (learners; managers unless required), or one is started and its token returned for
 * the browser's cookie. A person not enrolled yet gets a new secret to set their app up with.
 * "locked" while too many wrong codes have been entered lately.
 */
export async function beginSecondStep({
  userId,
  provider,
  address,
  now = new Date(),
  db = defaultDb,
}: {
  userId: string;
  provider: string;
  address: string | null;
  now?: Date;
  db?: Db;
}): Promise<
  | { status: "not_needed" }
  | { status: "locked" }
  | { status: "refused" }
  | { status: "started"; token: string }
> {
  const user = await getSessionUser({ id: userId, db });
  if (!user?.active) return { status: "refused" };
  if (!needsSecondFactor(user.role, await getSecuritySettings({ db }))) return { status: "not_needed" };
  if (!(await getSecondFactorThrottle({ userId, now: now.getTime(), db })).allowed)
    return { status: "locked" };
  const enrolled = await getSecondFactor({ userId, db });
  const token = await createChallenge({
    userId,
    sessionVersion: user.sessionVersion,
    provider,
    address,
    enrolSecretSealed: enrolled ? null : seal(newTotpSecret(), twoFactorKeys().secrets),
    expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
    now,
    db,
  });
  return { status: "started", token };
}

export type PassedStep = { status: "passed"; method: SecondFactorMethod; user: Challenge };

async function refuse(challenge: Challenge, address: string | null, now: Date, db: Db) {
  const state = await recordSecondFactorFailure({
    tokenHash: challenge.tokenHash,
    userId: challenge.userId,
    address,
    now: now.getTime(),
    db,
  });
  return { status: state?.lockedUntil ? "locked" : "wrong_code" } as const;
}

/**
 * The code step: a six-digit code from the person's app (a time step later than the last one
 * accepted), or one of their unused recovery codes, or nothing when the step's enrolment was just
 * confirmed. Anything else counts as a wrong code. Passing ends the step; only then may a session be
 * issued for `user`.
 */
export async function passSecondStep({
  token,
  code,
  address,
  now = new Date(),
  db = defaultDb,
}: {
  token: string;
  code: string;
  address: string | null;
  now?: Date;
  db?: Db;
}): Promise<PassedStep | { status: StepRefusal }> {
  const challenge = await findChallenge({ token, now, db });
  if (!challenge) return { status: "expired" };
  const passed = (method: SecondFactorMethod) => ({ status: "passed", method, user: challenge }) as const;
  const where = { tokenHash: challenge.tokenHash, userId: challenge.userId, now, db };
  if (challenge.verifiedAt) return (await passVerified(where)) ? passed("enrolment") : { status: "expired" };
  if (!challenge.secretSealed) return { status: "expired" };
  if (!(await getSecondFactorThrottle({ userId: challenge.userId, now: now.getTime(), db })).allowed)
    return { status: "locked" };

  if (looksLikeTotpCode(code)) {
    const secret = open(challenge.secretSealed, twoFactorKeys().secrets);
    if (secret === null) return { status: "unreadable" };
    const step = matchTotp(secret, code, now.getTime());
    if (step !== null && step > (challenge.lastStep ?? 0) && (await passWithTotp({ ...where, step })))
      return passed("totp");
  } else {
    const recovery = normalizeRecoveryCode(code);
    const codeHash = recovery && hashRecoveryCode(recovery, twoFactorKeys().recoveryCodes);
    if (codeHash && (await passWithRecoveryCode({ ...where, codeHash }))) return passed("recovery_code");
  }
  return refuse(challenge, address, now, db);
}

/** What the code step's page shows: the code form, or the enrolment (QR code and secret) with it. */
export async function describeSecondStep({
  token,
  now = new Date(),
  db = defaultDb,
}: {
  token: string;
  now?: Date;
  db?: Db;
}) {
  const challenge = await findChallenge({ token, now, db });
  if (!challenge) return null;
  const person = {
    employeeNo: challenge.employeeNo,
    name: challenge.name,
    role: challenge.role,
    locale: challenge.locale,
    expiresAt: challenge.expiresAt,
  };
  if (challenge.secretSealed || challenge.verifiedAt) return { kind: "code" as const, ...person };
  const secret = challenge.enrolSecretSealed && open(challenge.enrolSecretSealed, twoFactorKeys().secrets);
  return secret ? { kind: "enrol" as const, secret, ...person } : null;
}

/**
 * Confirms an enrolment with the first code from the person's app: stores the secret and ten
 * recovery codes (returned here once, in clear, to be shown once) and marks the step verified.
 */
export async function confirmEnrolment({
  token,
  code,
  address,
  now = new Date(),
  db = defaultDb,
}: {
  token: string;
  code: string;
  address: string | null;
  now?: Date;
  db?: Db;
}): Promise<{ status: "enrolled"; recoveryCodes: string[] } | { status: StepRefusal }> {
  const challenge = await findChallenge({ token, now, db });
  if (!challenge?.enrolSecretSealed || challenge.secretSealed || challenge.verifiedAt)
    return { status: "expired" };
  if (!(await getSecondFactorThrottle({ userId: challenge.userId, now: now.getTime(), db })).allowed)
    return { status: "locked" };
  const secret = open(challenge.enrolSecretSealed, twoFactorKeys().secrets);
  if (secret === null) return { status: "unreadable" };
  const step = matchTotp(secret, code, now.getTime());
  if (step === null) return refuse(challenge, address, now, db);
  const recoveryCodes = newRecoveryCodes();
  const keys = twoFactorKeys();
  const enrolled = await enrolSecondFactor({
    tokenHash: challenge.tokenHash,
    userId: challenge.userId,
    secretSealed: challenge.enrolSecretSealed,
    step,
    recoveryCodeHashes: recoveryCodes.map((c) =>
      hashRecoveryCode(normalizeRecoveryCode(c) as string, keys.recoveryCodes),
    ),
    address,
    now,
    db,
  });
  return enrolled ? { status: "enrolled", recoveryCodes } : { status: "expired" };
}
