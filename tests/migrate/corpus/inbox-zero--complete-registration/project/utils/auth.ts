import { auth as getSession } from "@/auth";

// Stand-in for the app's better-auth wrapper: `auth(headers)` returns the session.
export async function auth(_headers?: Headers) {
  return getSession();
}
