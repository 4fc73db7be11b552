import { cookies } from "next/headers";

const SESSION_COOKIE = "session";

// Minimal stand-in for an Auth.js-style `auth()` helper: the session cookie
// holds the user id, and the email is derived from it.
export async function auth(): Promise<{
  user: { id: string; email: string };
} | null> {
  const cookieStore = await cookies();
  const userId = cookieStore.get(SESSION_COOKIE)?.value;

  if (!userId) {
    return null;
  }

  return { user: { id: userId, email: `${userId}@example.com` } };
}
