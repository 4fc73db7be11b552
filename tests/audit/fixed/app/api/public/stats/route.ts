import { count, isNotNull } from "drizzle-orm";
import { db } from "@/lib/db";
import { posts } from "@/lib/db/schema";

// A public, cookie-less API: any origin may read it, so no credentials.
const corsHeaders = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, OPTIONS",
};

export function OPTIONS() {
  return new Response(null, { status: 204, headers: corsHeaders });
}

export async function GET() {
  const [{ published }] = await db
    .select({ published: count() })
    .from(posts)
    .where(isNotNull(posts.publishedAt));
  return Response.json({ published }, { headers: corsHeaders });
}
