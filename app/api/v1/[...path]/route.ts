import { apiError } from "@/lib/api";

// Any /api/v1 path no route serves: a 404 in the API's JSON error shape rather than the HTML page.
const notFound = () => apiError("not_found", { zh: "没有这个接口", en: "No such API endpoint" });

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
