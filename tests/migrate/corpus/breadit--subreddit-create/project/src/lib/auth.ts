import { cookies } from "next/headers";

// Stand-in for next-auth's getServerSession(authOptions).
export type Session = {
  user: { id: string; name: string | null; email: string; username: string | null };
};

export const getAuthSession = async (): Promise<Session | null> => {
  const id = (await cookies()).get("next-auth.session-token")?.value;
  if (!id) return null;
  return { user: { id, name: null, email: `${id}@example.com`, username: null } };
};
