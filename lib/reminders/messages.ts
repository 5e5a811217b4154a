import { findCertification } from "../certification/catalog";
import type { Catalog } from "../content/catalog";
import { formatDate } from "../i18n/dates";
import type { Locale } from "../i18n/locales";
import type { NotificationKind } from "../notifications/kinds";
import { itemHref, itemTitle } from "../training/item-title";

export type MailKind = NotificationKind;

export type MailContent = { subject: string; text: string };

type Item = { type: string; title: string; path: string };

function itemOf(payload: Record<string, string>, locale: Locale, catalog: Catalog): Item {
  const slug = payload.itemSlug ?? "";
  const type =
    payload.itemType === "chapter" || payload.itemType === "scenario" ? payload.itemType : "certification";
  return { type, title: itemTitle(catalog, type, slug, locale), path: itemHref(type, slug) };
}

/** "2026-03-05" as 2026年3月5日 or March 5, 2026. */
const formatDay = (date: string, locale: Locale) => formatDate(date, locale, "long");
const formatInstant = (iso: string, locale: Locale) => formatDate(iso, locale, "long");

/** What the person has to do, as one phrase. */
const zh = {
  task: (i: Item) =>
    i.type === "chapter"
      ? `学习章节《${i.title}》并通过知识测验`
      : i.type === "scenario"
        ? `完成情景演练《${i.title}》并达到合格分数`
        : `取得${i.title}`,
  greeting: (name: string) => `${name}，您好：`,
  signature: "——\n柜面服务技能训练平台\n（系统自动发送，请勿直接回复）",
};

const en = {
  task: (i: Item) =>
    i.type === "chapter"
      ? `read the chapter “${i.title}” and pass its knowledge check`
      : i.type === "scenario"
        ? `complete the role-play “${i.title}” with a passing score`
        : `earn the ${i.title}`,
  greeting: (name: string) => `Hello ${name},`,
  signature:
    "—\nCounter Service Skills Training\n(This message was sent automatically; please do not reply.)",
};

function assignmentMail(
  kind: MailKind,
  p: Record<string, string>,
  locale: Locale,
  link: (path: string) => string,
  catalog: Catalog,
) {
  const item = itemOf(p, locale, catalog);
  const due = formatDay(p.dueDate ?? "", locale);
  const url = link(item.path);
  if (locale === "zh-CN") {
    const task = zh.task(item);
    if (kind === "assigned") {
      return {
        subject: `新培训任务：${item.title}（${due}截止）`,
        lines: [`您有一项新的培训任务：${task}，请于 ${due} 前完成。`, `立即开始：${url}`],
      };
    }
    if (kind === "due-soon") {
      return {
        subject: `培训即将到期：${item.title}（${due}截止）`,
        lines: [`提醒您：培训任务“${task}”将于 ${due} 截止，目前尚未完成，请抓紧时间。`, `继续学习：${url}`],
      };
    }
    return {
      subject: `培训已逾期：${item.title}（原定${due}截止）`,
      lines: [
        `培训任务“${task}”已于 ${due} 截止，目前仍未完成，已记为逾期。请尽快完成；如有困难，请与网点负责人联系。`,
        `马上完成：${url}`,
      ],
    };
  }
  const task = en.task(item);
  if (kind === "assigned") {
    return {
      subject: `New training assigned: ${item.title} (due ${due})`,
      lines: [`You have new training to complete: please ${task} by ${due}.`, `Get started: ${url}`],
    };
  }
  if (kind === "due-soon") {
    return {
      subject: `Training due soon: ${item.title} (due ${due})`,
      lines: [
        `A reminder that your training is due on ${due} and is not finished yet: please ${task} before then.`,
        `Continue: ${url}`,
      ],
    };
  }
  return {
    subject: `Training overdue: ${item.title} (was due ${due})`,
    lines: [
      `Your training was due on ${due} and is not finished yet, so it is now overdue: please ${task} as soon as you can. If something is in the way, talk to your branch manager.`,
      `Finish it now: ${url}`,
    ],
  };
}

function certificateMail(
  kind: MailKind,
  p: Record<string, string>,
  locale: Locale,
  link: (path: string) => string,
) {
  const name = findCertification(p.certificationId ?? "")?.name[locale] ?? p.certificationId ?? "";
  const code = p.code ?? "";
  const expires = formatInstant(p.expiresAt ?? "", locale);
  const verify = link(`/verify/${code}`);
  if (locale === "zh-CN") {
    if (kind === "certificate-issued") {
      return {
        subject: `恭喜您获得${name}`,
        lines: [
          `恭喜！您已获得${name}，证书编号 ${code}，有效期至 ${expires}。`,
          `查看与验证证书：${verify}`,
        ],
      };
    }
    if (kind === "certificate-expiring") {
      return {
        subject: `您的${name}将于${expires}到期`,
        lines: [
          `您的${name}（证书编号 ${code}）将于 ${expires} 到期。续证窗口已开放，请在到期前完成续证要求，以免证书失效。`,
          `查看续证要求：${link("/")}`,
        ],
      };
    }
    return {
      subject: `您的${name}已被撤销`,
      lines: [
        `您的${name}（证书编号 ${code}）已被撤销，不再有效。如有疑问，请与培训管理部门联系。`,
        `证书状态：${verify}`,
      ],
    };
  }
  if (kind === "certificate-issued") {
    return {
      subject: `You have earned the ${name}`,
      lines: [
        `Congratulations! You have earned the ${name} (code ${code}), valid until ${expires}.`,
        `View and verify it: ${verify}`,
      ],
    };
  }
  if (kind === "certificate-expiring") {
    return {
      subject: `Your ${name} expires on ${expires}`,
      lines: [
        `Your ${name} (code ${code}) expires on ${expires}. The renewal window is open: complete the renewal requirements before then to keep it valid.`,
        `See what renewal requires: ${link("/")}`,
      ],
    };
  }
  return {
    subject: `Your ${name} has been revoked`,
    lines: [
      `Your ${name} (code ${code}) has been revoked and is no longer valid. If you have questions, please contact the training team.`,
      `Certificate status: ${verify}`,
    ],
  };
}

/** The e-mail for one notification, in the person's language, naming the item, the date and a link. */
export function reminderEmail({
  kind,
  payload,
  locale,
  name,
  appUrl,
  catalog,
}: {
  catalog: Catalog;
  kind: MailKind;
  payload: Record<string, string>;
  locale: Locale;
  name: string;
  appUrl: string;
}): MailContent {
  const base = appUrl.replace(/\/+$/, "");
  const link = (path: string) => `${base}${path}`;
  const { subject, lines } = kind.startsWith("certificate-")
    ? certificateMail(kind, payload, locale, link)
    : assignmentMail(kind, payload, locale, link, catalog);
  const words = locale === "zh-CN" ? zh : en;
  return { subject, text: [words.greeting(name), ...lines, words.signature].join("\n\n") };
}
