import "server-only";

import { cookies } from "next/headers";

// A stand-in for an Auth.js (next-auth v5) `auth.ts`, shaped like its exports
// so generated code can `import { auth } from "@/auth"` unchanged. Tests sign
// in by setting the `e2e-session` cookie to a user id; there is no secret,
// so never copy this into a real app.

export type Session = {
  user?: { id?: string; name?: string | null; email?: string | null };
};

export const SESSION_COOKIE = "e2e-session";

export async function auth(): Promise<Session | null> {
  const value = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!value) return null;
  return { user: { id: value, name: value } };
}
