import { NextResponse, type NextRequest } from "next/server";

// Tests set the `e2e-delay` cookie (milliseconds) to slow every request down,
// Server Action POSTs included, so optimistic UI can be observed before the
// server answers. Capped so a bad value cannot hang a test run.
const DELAY_COOKIE = "e2e-delay";
const MAX_DELAY_MS = 5000;

export async function middleware(request: NextRequest) {
  const raw = Number(request.cookies.get(DELAY_COOKIE)?.value);
  const ms = Number.isFinite(raw)
    ? Math.min(Math.max(raw, 0), MAX_DELAY_MS)
    : 0;
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
  return NextResponse.next();
}

// Not /api: with a proxy in front, Next buffers request bodies (up to 10 MB)
// before the route handler runs, and the attack tests check what the generated
// handlers themselves do with bodies, as in an app without one.
export const config = {
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
