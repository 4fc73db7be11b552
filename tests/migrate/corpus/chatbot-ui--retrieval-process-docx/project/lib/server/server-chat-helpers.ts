import { auth } from "@/auth";
import type { Profile } from "@/supabase/types";

export async function getServerProfile(): Promise<Profile> {
  const session = await auth();
  if (!session) {
    throw new Error("User not found");
  }
  return { user_id: session.user.id, openai_api_key: process.env.OPENAI_API_KEY ?? null };
}

export function checkApiKey(apiKey: string | null, keyName: string) {
  if (apiKey === null || apiKey === "") {
    throw new Error(`${keyName} API Key not found`);
  }
}
