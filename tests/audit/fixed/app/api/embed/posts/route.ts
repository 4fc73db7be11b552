import { and, desc, eq, isNotNull } from "drizzle-orm";
import { auth } from "@/auth";
import { db } from "@/lib/db";
import { posts } from "@/lib/db/schema";

const allowedOrigins = new Set(["https://acme.dev", "https://blog.acme.dev"]);

function corsHeaders(request: Request) {
  const headers = new Headers({ Vary: "Origin" });
  const origin = request.headers.get("origin");
  if (origin && allowedOrigins.has(origin)) {
    headers.set("Access-Control-Allow-Origin", origin);
    headers.set("Access-Control-Allow-Credentials", "true");
  }
  return headers;
}

export async function GET(request: Request) {
  const headers = corsHeaders(request);
  const session = await auth();
  if (!session?.user?.id) {
    return Response.json({ posts: [] }, { headers });
  }

  const latest = await db
    .select({ id: posts.id, title: posts.title })
    .from(posts)
    .where(and(eq(posts.authorId, session.user.id), isNotNull(posts.publishedAt)))
    .orderBy(desc(posts.publishedAt))
    .limit(5);
  return Response.json({ posts: latest }, { headers });
}
