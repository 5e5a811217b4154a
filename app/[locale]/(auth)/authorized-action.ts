import "server-only";
import { cookies } from "next/headers";
import type { z } from "zod";
import type { SessionUser } from "@/db/queries/users";
import type { ActionError } from "@/lib/action-state";
import { type Area, can } from "@/lib/auth/roles";
import { AppError, isAppError } from "@/lib/errors";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { getCurrentUser } from "./session";

/** Who may call an action: a role's area, anyone signed in, or anyone at all (sign-in, set-password). */
export type Capability = Area | "signed-in" | "public";
type Caller<C extends Capability> = C extends "public" ? SessionUser | null : SessionUser;

/** A server action as forms use it (`useActionState`): the state it returns, or an error in the app's vocabulary. */
export type Action<State> = (
  previous: State | ActionError,
  formData: FormData,
) => Promise<State | ActionError>;

/**
 * The one way to write a server action (every action is a public POST endpoint): it checks the
 * session and the capability, parses the form with `schema`, then calls `handler` with the parsed
 * data and the checked user. Not signed in, not allowed, a form that does not parse, and any
 * AppError the handler throws all come back as `{ status: "error", code, message }`, with the same
 * codes the route handlers answer and the message in the caller's language. Redirects and real
 * failures are thrown on.
 */
export function authorizedAction<C extends Capability, Schema extends z.ZodType, State>(
  capability: C,
  schema: Schema,
  handler: (data: z.infer<Schema>, user: Caller<C>, formData: FormData) => Promise<State>,
): Action<State> {
  return async (_previous, formData) => {
    try {
      const user = await getCurrentUser();
      if (capability !== "public") {
        if (!user) throw new AppError("unauthorized:session");
        const area = capability as Area | "signed-in";
        if (area !== "signed-in" && !can(user.role, area)) throw new AppError(`forbidden:${area}`);
      }
      const parsed = schema.safeParse(Object.fromEntries(formData));
      if (!parsed.success) throw new AppError("bad_request:form", parsed.error.message);
      return await handler(parsed.data, user as Caller<C>, formData);
    } catch (e) {
      if (!isAppError(e)) throw e;
      return e.toResult(toLocale((await cookies()).get(LOCALE_COOKIE)?.value));
    }
  };
}
