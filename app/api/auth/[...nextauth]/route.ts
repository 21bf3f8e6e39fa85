import { handlers } from "@/lib/auth/session";
export const { GET, POST } = handlers;
