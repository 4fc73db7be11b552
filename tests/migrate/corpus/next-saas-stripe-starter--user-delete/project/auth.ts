import { cookies } from "next/headers";
import type { NextRequest } from "next/server";

// Stand-in for Auth.js v5's `auth` export: called bare it returns the session,
// called with a route handler it wraps it and puts the session on `req.auth`.
type Session = { user: { id: string; email: string; name: string | null } };
type AuthedRequest = NextRequest & { auth: Session | null };

async function readSession(): Promise<Session | null> {
  const id = (await cookies()).get("session")?.value;
  return id ? { user: { id, email: `${id}@example.com`, name: null } } : null;
}

export function auth(): Promise<Session | null>;
export function auth(
  handler: (req: AuthedRequest) => Promise<Response>,
): (req: NextRequest) => Promise<Response>;
export function auth(handler?: (req: AuthedRequest) => Promise<Response>) {
  if (!handler) {
    return readSession();
  }
  return async (req: NextRequest) => {
    const session = await readSession();
    return handler(Object.assign(req, { auth: session }));
  };
}
