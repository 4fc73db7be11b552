import { createServerClient } from "@supabase/ssr";
import { cookies } from "next/headers";

// The server client from Supabase's Next.js SSR guide, so generated code that
// targets Supabase can be type-checked and built. Tests never call Supabase.
export async function createClient() {
  const cookieStore = await cookies();

  return createServerClient(
    process.env.NEXT_PUBLIC_SUPABASE_URL!,
    process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!,
    {
      cookies: {
        getAll() {
          return cookieStore.getAll();
        },
        setAll(cookiesToSet) {
          try {
            cookiesToSet.forEach(({ name, value, options }) =>
              cookieStore.set(name, value, options),
            );
          } catch {
            // The `setAll` method was called from a Server Component, where
            // cookies are read-only. This can be ignored if middleware
            // refreshes user sessions.
          }
        },
      },
    },
  );
}
