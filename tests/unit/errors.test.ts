import { describe, expect, it } from "vitest";
import { isActionError, outcomeText } from "@/lib/action-state";
import { AppError, ERROR_MESSAGES, type ErrorCode, errorMessage } from "@/lib/errors";
import { localeOf } from "@/lib/i18n/locales";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";

describe("the error vocabulary", () => {
  it("has a text in both languages for every code, and no text without a code", () => {
    const keys = new Set(Object.values(ERROR_MESSAGES));
    expect(Object.keys(zh.errors).sort()).toEqual([...keys].sort());
    expect(Object.keys(en.errors).sort()).toEqual([...keys].sort());
    for (const code of Object.keys(ERROR_MESSAGES) as ErrorCode[]) {
      expect(errorMessage(code, "zh-CN")).toMatch(/\S/);
      expect(errorMessage(code, "en")).toMatch(/^[\x20-\x7e’—–…]+$/);
    }
  });

  it("derives the status from the code's type and answers in the caller's language", async () => {
    const error = new AppError("conflict:step");
    expect([error.type, error.surface, error.status]).toEqual(["conflict", "step", 409]);
    const response = error.toResponse("en");
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      code: "conflict:step",
      message: "This step is not the current one; steps cannot be skipped or answered twice.",
    });
    expect(new AppError("not_found:chapter").toBody("zh-CN").message).toBe("章节不存在。");
  });

  it("gives 422 with the issues for a draft that does not validate", async () => {
    const issues = { "zh-CN": [{ line: 3, column: 1, message: "x" }] };
    const response = new AppError("unprocessable:draft", undefined, { issues }).toResponse("en");
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: "unprocessable:draft", issues });
  });

  it("keeps what a server error says in the log, not in the response", () => {
    const body = new AppError("internal:server", "TypeError: secret detail").toBody("en");
    expect(body).toEqual({
      code: "internal:server",
      message: "Something went wrong; please try again later.",
    });
  });

  it("gives server actions the same code and text", () => {
    const result = new AppError("forbidden:admin").toResult("zh-CN");
    expect(result).toEqual({
      status: "error",
      code: "forbidden:admin",
      message: "只有系统管理员可以执行此操作。",
    });
    expect(isActionError(result)).toBe(true);
    expect(outcomeText(result, () => "never")).toBe("只有系统管理员可以执行此操作。");
    expect(outcomeText({ status: "saved" }, (s) => s.status)).toBe("saved");
    expect(outcomeText({ status: "idle" }, () => "never")).toBe("");
  });

  it("reads the caller's language from the cookie", () => {
    const request = (cookie?: string) => new Request("http://x/", { headers: cookie ? { cookie } : {} });
    expect(localeOf(request("a=1; NEXT_LOCALE=en"))).toBe("en");
    expect(localeOf(request("NEXT_LOCALE=fr"))).toBe("zh-CN");
    expect(localeOf(request())).toBe("zh-CN");
  });
});
