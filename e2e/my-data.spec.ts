import { readFile } from "node:fs/promises";
import type { Download, Page } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { expectNoSeriousViolations } from "./axe";
import { expect, test } from "./fixtures";
import { auditEntries, checkAttemptIdsOf, userIdOf } from "./support/arrange";

/** Demo learners with seeded results that no other spec signs in as or changes. */
const LEARNER = { employeeNo: "E1021", name: "梁诗雨" };
const OTHER = { employeeNo: "E1022", name: "谢宇航" };

/** Clicks a download link and unzips what arrives: file name → text (UTF-8; the BOM kept as bytes). */
async function downloadZip(page: Page, linkName: string | RegExp) {
  const [download] = await Promise.all([
    page.waitForEvent("download") as Promise<Download>,
    page.getByRole("link", { name: linkName }).click(),
  ]);
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  return {
    name: download.suggestedFilename(),
    bytes: files,
    text: Object.fromEntries(Object.entries(files).map(([n, b]) => [n, strFromU8(b)])),
  };
}

test("a learner downloads their own data from their profile: JSON and CSVs with their own attempts", async ({
  freshSignIn,
}) => {
  const page = await freshSignIn(LEARNER.employeeNo);
  await page
    .locator("header")
    .getByRole("link", { name: new RegExp(LEARNER.name) })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "我的资料" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "我的数据" })).toBeVisible();
  await expect(page.getByText("《个人信息保护法》第四十五条")).toBeVisible();
  await expectNoSeriousViolations(page);

  const zip = await downloadZip(page, "下载我的数据（ZIP）");
  expect(zip.name).toMatch(new RegExp(`^my-data-${LEARNER.employeeNo}-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
  expect(Object.keys(zip.text)).toEqual(
    expect.arrayContaining([
      "my-data.json",
      "profile.csv",
      "check-attempts.csv",
      "check-answers.csv",
      "plays.csv",
      "role-play-turns.csv",
      "certificates.csv",
      "notifications.csv",
    ]),
  );
  const json = JSON.parse(zip.text["my-data.json"] as string);
  expect(json.profile).toMatchObject({ employeeNo: LEARNER.employeeNo, name: LEARNER.name, role: "learner" });

  const own = (await checkAttemptIdsOf(LEARNER.employeeNo)).sort();
  expect(own.length).toBeGreaterThan(0);
  expect(json.checkAttempts.map((a: { id: string }) => a.id).sort()).toEqual(own);
  const csv = zip.text["check-attempts.csv"] as string;
  expect([...(zip.bytes["check-attempts.csv"] as Uint8Array).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.split("\r\n")[0]).toMatch(/^id,moduleSlug,/);
  for (const id of own) expect(csv).toContain(id);
  for (const other of await checkAttemptIdsOf(OTHER.employeeNo)) expect(csv).not.toContain(other);
  expect(Object.values(zip.text).join("\n")).not.toMatch(/\$argon2|passwordHash|sessionVersion/);
});

test("a learner asking for another person's data gets 403", async ({ freshSignIn, managerRequest }) => {
  const page = await freshSignIn(LEARNER.employeeNo);
  const response = await page.request.get(`/api/data-export/${await userIdOf(OTHER.employeeNo)}`);
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({
    code: "forbidden:my_data",
    message: "只能下载您本人的数据。",
  });
  const manager = await managerRequest.get(`/api/data-export/${await userIdOf(OTHER.employeeNo)}`);
  expect(manager.status()).toBe(403);
});

test("an admin downloads a person's data from their page, and the audit log shows it", async ({
  adminPage: page,
}) => {
  await page.goto(`/admin/users?q=${OTHER.employeeNo}`);
  await page.getByRole("link", { name: OTHER.employeeNo }).click();
  await expect(page.getByRole("heading", { level: 2, name: "个人数据" })).toBeVisible();

  const zip = await downloadZip(page, `下载${OTHER.name}的数据（ZIP）`);
  const json = JSON.parse(zip.text["my-data.json"] as string);
  expect(json.profile).toMatchObject({ employeeNo: OTHER.employeeNo, name: OTHER.name });
  expect(json.checkAttempts.map((a: { id: string }) => a.id).sort()).toEqual(
    (await checkAttemptIdsOf(OTHER.employeeNo)).sort(),
  );

  const [entry] = (await auditEntries({ action: "user.data_export", target: OTHER.employeeNo })).reverse();
  expect(entry).toMatchObject({ actorEmployeeNo: "E9001", targetEmployeeNo: OTHER.employeeNo });
  await page.goto(`/admin/audit?action=user.data_export&target=${OTHER.employeeNo}`);
  const row = page.getByRole("row").filter({ hasText: "个人数据已下载" }).first();
  await expect(row).toContainText(OTHER.employeeNo);
  await expect(row).toContainText("E9001");
});
