import { handlers } from "@/app/[locale]/(auth)/auth";

export const { GET, POST } = handlers;
