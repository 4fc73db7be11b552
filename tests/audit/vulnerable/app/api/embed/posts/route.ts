import { and, desc, eq, isNotNull } from "drizzle-orm";
import { auth } from "@/auth";
import { db } from "@/lib/db";
import { posts } from "@/lib/db/schema";

export async function GET(request: Request) {
  const origin = request.headers.get("origin") ?? "";
  const corsHeaders = {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Credentials": "true",
    Vary: "Origin",
  };

  const session = await auth();
  if (!session?.user?.id) {
    return Response.json({ posts: [] }, { headers: corsHeaders });
  }

  const latest = await db
    .select({ id: posts.id, title: posts.title })
    .from(posts)
    .where(and(eq(posts.authorId, session.user.id), isNotNull(posts.publishedAt)))
    .orderBy(desc(posts.publishedAt))
    .limit(5);
  return Response.json({ posts: latest }, { headers: corsHeaders });
}
