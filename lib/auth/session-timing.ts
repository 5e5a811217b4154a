import { env } from "../env";
import { sessionTiming } from "./session-clock";

/** This deployment's session timing: SESSION_IDLE_MINUTES (default 30) and the 12-hour lifetime. */
export const SESSION_TIMING = sessionTiming(env.SESSION_IDLE_MINUTES);
