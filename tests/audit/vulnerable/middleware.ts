import { NextResponse } from "next/server";
import { auth } from "@/auth";

export default auth((request) => {
  if (!request.auth) {
    const url = new URL("/login", request.nextUrl);
    url.searchParams.set("callbackUrl", request.nextUrl.pathname);
    return NextResponse.redirect(url);
  }
});

export const config = {
  matcher: ["/posts/:path*", "/projects/:path*", "/settings/:path*", "/todos/:path*", "/admin/:path*"],
};
