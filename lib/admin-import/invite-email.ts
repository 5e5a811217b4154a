import { PASSWORD_TOKEN_TTL_MS, setPasswordPath, type TokenPurpose } from "../auth/one-time-token";
import type { Mail } from "../mail/mailer";

/** How long a link works, in the e-mail's words: derived from the token's lifetime, never restated. */
const HOURS = Math.round(PASSWORD_TOKEN_TTL_MS / 3_600_000);

/** The e-mail a new account or a reset sends: both languages, since the person has not chosen one yet. */
export function setPasswordEmail({
  name,
  employeeNo,
  link,
  purpose,
}: {
  name: string;
  employeeNo: string;
  link: string;
  purpose: TokenPurpose;
}): { subject: string; text: string } {
  const subject =
    purpose === "invite"
      ? "柜面服务技能训练平台：设置您的密码 / Set your password"
      : "柜面服务技能训练平台：重设您的密码 / Reset your password";
  const text = [
    `${name}，您好：`,
    "",
    purpose === "invite"
      ? `已为您开通培训平台账户，员工号 ${employeeNo}。请在 ${HOURS} 小时内打开以下链接设置密码（仅可使用一次）：`
      : `管理员已重置您的密码（员工号 ${employeeNo}）。请在 ${HOURS} 小时内打开以下链接设置新密码（仅可使用一次）：`,
    link,
    "",
    `Hello ${name},`,
    "",
    purpose === "invite"
      ? `An account has been created for you (employee number ${employeeNo}). Open this link within ${HOURS} hours to set your password (it works once):`
      : `An administrator has reset your password (employee number ${employeeNo}). Open this link within ${HOURS} hours to set a new one (it works once):`,
    link,
  ].join("\n");
  return { subject, text };
}

/** The set-password e-mail to one person, with the link on the app's public address. */
export function setPasswordMail({
  name,
  employeeNo,
  email,
  token,
  purpose,
  appUrl,
}: {
  name: string;
  employeeNo: string;
  email: string;
  token: string;
  purpose: TokenPurpose;
  appUrl: string;
}): Mail {
  const link = new URL(setPasswordPath(token), appUrl).toString();
  return { to: { name, address: email }, ...setPasswordEmail({ name, employeeNo, link, purpose }) };
}
