import { readFileSync } from "node:fs";
import type { Locale } from "../i18n/locales";

/** Who issues the certificates: the bank, its optional signatory and seal (CERTIFICATE_* in lib/env.ts). */
export type CertificateIssuer = {
  name: string;
  signatory?: { name?: string; title?: string };
  /** PNG or JPEG bytes. */
  seal?: Uint8Array;
};

export type IssuerSettings = {
  CERTIFICATE_ISSUER_NAME: string;
  CERTIFICATE_ISSUER_NAME_EN?: string;
  CERTIFICATE_SIGNATORY_NAME?: string;
  CERTIFICATE_SIGNATORY_TITLE?: string;
  CERTIFICATE_SIGNATORY_TITLE_EN?: string;
  CERTIFICATE_SEAL_FILE?: string;
};

const seals = new Map<string, Uint8Array>();

/** The issuer in the reader's language; the seal file is read once per process. */
export function certificateIssuer(settings: IssuerSettings, locale: Locale): CertificateIssuer {
  const en = locale === "en";
  const name = (en && settings.CERTIFICATE_ISSUER_NAME_EN) || settings.CERTIFICATE_ISSUER_NAME;
  const title = (en && settings.CERTIFICATE_SIGNATORY_TITLE_EN) || settings.CERTIFICATE_SIGNATORY_TITLE;
  const file = settings.CERTIFICATE_SEAL_FILE;
  let seal: Uint8Array | undefined;
  if (file) {
    seal = seals.get(file) ?? new Uint8Array(readFileSync(file));
    seals.set(file, seal);
  }
  return {
    name,
    signatory: { name: settings.CERTIFICATE_SIGNATORY_NAME, title },
    seal,
  };
}
