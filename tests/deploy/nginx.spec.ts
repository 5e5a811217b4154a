// Through nginx, in front of two instances on one database: the instances hold no state of their own.

import { readFileSync } from "node:fs";
import http from "node:http";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { signInThroughUi } from "../../e2e/support/sessions";
import { chapter, passKnowledgeCheck, playComplaint } from "./flows";

const PORT = Number(process.env.DEPLOY_PORT ?? 3180);
const [A, B] = [PORT + 1, PORT + 2].map((p) => `http://127.0.0.1:${p}`) as [string, string];

/** A signed-in page (trainers and admins pass the second step, computed as their app would). */
async function signedIn(browser: Browser, employeeNo: string): Promise<Page> {
  return signInThroughUi(await browser.newContext(), employeeNo);
}

/** A GET sent from a loopback address of our choosing, as a client elsewhere on the network would. */
function getFrom(localAddress: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port: PORT, path, localAddress, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => {
        body += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
  });
}

test("a learner signs in through nginx, and the session works on either instance", async ({ browser }) => {
  const page = await signedIn(browser, "E1001");
  await expect(page.getByRole("heading", { level: 1, name: "我的培训" })).toBeVisible();

  const html = await page.request.get("/learn");
  expect(html.headers()["content-encoding"]).toBe("gzip");
  expect(html.headers()["x-request-id"]).toMatch(/^[0-9a-f]{32}$/); // nginx's $request_id, kept by the app
  const script = /<script[^>]+src="(\/_next\/static\/[^"]+\.js)"/.exec(await html.text())?.[1];
  const asset = await page.request.get(script as string);
  expect(asset.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(asset.headers()["content-encoding"]).toBe("gzip");

  for (const instance of [A, B]) {
    const me = await page.request.get(`${instance}/api/learn/basic-skills/me`);
    expect(me.status(), instance).toBe(200);
  }
});

test("a learner passes a knowledge check through nginx", async ({ browser }) => {
  const page = await signedIn(browser, "E1002");
  await passKnowledgeCheck(page, "basic-skills");
  // Stored once, in the shared database: both instances report it.
  for (const instance of [A, B]) {
    const me = await (await page.request.get(`${instance}/api/learn/basic-skills/me`)).json();
    expect(JSON.stringify(me), instance).toContain('"percent":100');
  }
});

test("a learner plays a role-play through nginx", async ({ browser }) => {
  const page = await signedIn(browser, "E1003");
  await playComplaint(page);
  await page.goto("/practice");
  await expect(page.getByText("最高分: 100%").first()).toBeVisible();
});

test("a manager exports the people list through nginx", async ({ browser }) => {
  const page = await signedIn(browser, "E3001");
  const csv = await page.request.get("/reports/export/people.csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString("utf8").slice(1).trim().split("\r\n");
  expect(lines[0]).toBe("员工号,姓名,网点,角色,入职日期,章节通过,演练通过,认证,逾期任务");
  expect(lines.some((l) => l.startsWith("E1002,"))).toBe(true);
  expect(lines.some((l) => l.startsWith("E1005,"))).toBe(false); // 华南's, outside E3001's branches
});

test("the verify rate limit counts per client address, whatever X-Forwarded-For claims", async () => {
  const limited = (body: string) => body.includes("查询过于频繁");
  const results: boolean[] = [];
  for (let i = 0; i < 31; i++) {
    const forged = `198.51.100.${(i % 250) + 1}`; // a new "address" every time, as a scraper would send
    const { status, body } = await getFrom("127.0.0.5", "/verify/ZZZZZZZZZZZZ", {
      "x-forwarded-for": forged,
    });
    expect(status).toBe(i < 30 ? 404 : 429); // an unknown code, then the limit
    results.push(limited(body));
  }
  expect(results.slice(0, 30).every((l) => !l)).toBe(true);
  expect(results[30]).toBe(true);
  expect(limited((await getFrom("127.0.0.6", "/verify/ZZZZZZZZZZZZ")).body)).toBe(false);
});

test("a chapter published on one instance reaches a learner on the other", async ({ browser }) => {
  const slug = "needs-and-personalisation";
  const marker = `两台实例之间的发布测试 ${Date.now()}`;
  const learner = await signedIn(browser, "E1004");
  // The learner's instance has the page cached from before the publish.
  await learner.goto(`${B}/learn/${slug}`);
  await expect(learner.getByRole("heading", { level: 1, name: chapter(slug).meta.title })).toBeVisible();

  const trainer = await signedIn(browser, "E2001");
  await trainer.goto(`${A}/author/chapter/${slug}`);
  const source = readFileSync(`content/chapters/${slug}.zh-CN.mdx`, "utf8");
  const end = source.indexOf("\n---\n", 4) + "\n---\n".length;
  await trainer
    .getByRole("textbox", { name: "中文 源文" })
    .fill(`${source.slice(0, end)}\n${marker}\n${source.slice(end)}`);
  await expect(trainer.getByText("没有发现问题，可以发布。")).toBeVisible();
  await trainer.getByLabel("修改说明").fill("两台实例的发布测试");
  await trainer.getByRole("button", { name: "发布新版本" }).click();
  await expect(trainer.getByText("已发布第 2 版，学员现在看到的是新内容。")).toBeVisible();

  // Instance B renders the page again once its copy is 10 s old (revalidate in the chapter page).
  await expect
    .poll(
      async () => {
        await learner.goto(`${B}/learn/${slug}`);
        return learner.getByText(marker).count();
      },
      { timeout: 40_000, intervals: [2_000] },
    )
    .toBe(1);
});
