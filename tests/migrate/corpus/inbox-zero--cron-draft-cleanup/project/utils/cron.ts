import type { NextRequest } from "next/server";

const CRON_SECRET = process.env.CRON_SECRET;

// Vercel Cron sends `Authorization: Bearer <CRON_SECRET>` on GET.
export function hasCronSecret(request: NextRequest) {
  if (!CRON_SECRET) return false;
  return request.headers.get("authorization") === `Bearer ${CRON_SECRET}`;
}

// Other schedulers POST `{ CRON_SECRET }` in the body.
export async function hasPostCronSecret(request: NextRequest) {
  if (!CRON_SECRET) return false;
  const body = (await request.clone().json().catch(() => ({}))) as { CRON_SECRET?: string };
  return body.CRON_SECRET === CRON_SECRET;
}
