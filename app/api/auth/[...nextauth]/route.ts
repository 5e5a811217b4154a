import { NextRequest } from "next/server";
import { handlers } from "@/app/[locale]/(auth)/auth";
import { dingTalkCallbackUrl } from "@/app/[locale]/(auth)/providers/dingtalk";

export const { POST } = handlers;

export function GET(request: NextRequest) {
  const url = dingTalkCallbackUrl(request.nextUrl);
  return handlers.GET(url ? new NextRequest(url, request) : request);
}
