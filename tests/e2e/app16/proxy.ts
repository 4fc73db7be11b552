import { NextResponse, type NextRequest } from "next/server";

// Tests set the `e2e-delay` cookie (milliseconds) to slow every request down,
// Server Action POSTs included, so optimistic UI can be observed before the
// server answers. Capped so a bad value cannot hang a test run.
const DELAY_COOKIE = "e2e-delay";
const MAX_DELAY_MS = 5000;

export async function proxy(request: NextRequest) {
  const raw = Number(request.cookies.get(DELAY_COOKIE)?.value);
  const ms = Number.isFinite(raw)
    ? Math.min(Math.max(raw, 0), MAX_DELAY_MS)
    : 0;
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  return NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
