import { signOutAction } from "./(auth)/actions";
import { switchLocale } from "./locale-actions";

/** What the shell's buttons call, handed to components/shell as props. */
export const shellActions = { signOut: signOutAction, switchLocale };
