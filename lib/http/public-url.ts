import { env } from "../env";

/**
 * An absolute link the app writes down (an e-mail, a certificate's QR code, a link shown to copy or
 * exported): always on APP_URL, never the host a request happened to use.
 */
export function publicUrl(path: string): string {
  return new URL(path, env.APP_URL).toString();
}
