"use server";

import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { z } from "zod";
import { cancelChallenge } from "@/db/queries/second-factor";
import { confirmEnrolment, describeSecondStep, type StepRefusal } from "@/db/use-cases/second-sign-in-step";
import { signIn } from "./auth";
import { authorizedAction } from "./authorized-action";
import { landSignedIn } from "./landing";
import {
  challengeToken,
  clearChallengeCookie,
  requestAddress,
  SECOND_FACTOR_PROVIDER,
} from "./sign-in-steps";

export type CodeState = { status: "idle" | StepRefusal | "error" };
export type EnrolState = { status: "idle" | StepRefusal } | { status: "enrolled"; recoveryCodes: string[] };

const REFUSALS: readonly string[] = ["wrong_code", "locked", "expired", "unreadable"] satisfies StepRefusal[];
const refusal = (code: string | null | undefined): StepRefusal =>
  REFUSALS.includes(code ?? "") ? (code as StepRefusal) : "wrong_code";

/** Asks the second-factor provider for the session; the refusal when it gives none. */
async function issueSession(code: string): Promise<StepRefusal | "error" | null> {
  try {
    const url = await signIn(SECOND_FACTOR_PROVIDER, { code, redirect: false });
    const refused = new URL(url, "http://x").searchParams.get("code");
    return refused ? refusal(refused) : null;
  } catch (e) {
    if (e instanceof CredentialsSignin) return refusal(e.code);
    if (e instanceof AuthError) return "error";
    throw e;
  }
}

/** The person of the step in the cookie, or null when there is none any more. */
async function currentStep() {
  const token = await challengeToken();
  return token ? describeSecondStep({ token }) : null;
}

const codeForm = z.object({ code: z.string().max(64).default("") });

/** The code step: a code from the app or a recovery code; the session is issued only if it passes. */
export const verifyCodeAction = authorizedAction("public", codeForm, async ({ code }): Promise<CodeState> => {
  const step = await currentStep();
  if (!step) return { status: "expired" };
  const refused = await issueSession(code);
  if (refused) return { status: refused };
  return landSignedIn(step);
});

/** Confirms a new authenticator with its first code and shows the recovery codes, once. */
export const confirmEnrolmentAction = authorizedAction(
  "public",
  codeForm,
  async ({ code }): Promise<EnrolState> => {
    const token = await challengeToken();
    if (!token) return { status: "expired" };
    return confirmEnrolment({ token, code, address: await requestAddress() });
  },
);

/** After the recovery codes were shown: the step is verified, so the session is issued now. */
export const completeEnrolmentAction = authorizedAction(
  "public",
  z.object({}),
  async (): Promise<CodeState> => {
    const step = await currentStep();
    if (!step) return { status: "expired" };
    const refused = await issueSession("");
    if (refused) return { status: refused };
    return landSignedIn(step);
  },
);

/** Gives up the second step (another account, or start again). */
export const cancelSecondStepAction = authorizedAction("public", z.object({}), async () => {
  const token = await challengeToken();
  if (token) await cancelChallenge({ token });
  await clearChallengeCookie();
  redirect("/login");
});
