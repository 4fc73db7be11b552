// Stand-in for next-auth/react.
export function useSession() {
  return { data: null as null | { user: { name: string | null; image: string | null } }, status: "unauthenticated" as const };
}

export async function signOut(opts?: { callbackUrl?: string }) {
  window.location.href = opts?.callbackUrl ?? "/";
}
