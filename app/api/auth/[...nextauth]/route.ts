import { NextRequest } from "next/server";
import { handlers } from "@/app/[locale]/(auth)/auth";
import { adjustCallback } from "@/app/[locale]/(auth)/providers/callback-url";

export const { POST } = handlers;

export function GET(request: NextRequest) {
  const url = adjustCallback(request.nextUrl, request.cookies);
  return handlers.GET(url ? new NextRequest(url, request) : request);
}
