import { revalidateTag } from "next/cache";
import { db } from "@/lib/db";
import { releases } from "@/lib/db/schema";

type ReleaseEvent = {
  action: string;
  release: { tag_name: string; name: string | null; html_url: string; published_at: string };
};

export async function POST(request: Request) {
  const event = request.headers.get("x-github-event");
  const payload = (await request.json()) as ReleaseEvent;

  if (event === "release" && payload.action === "published") {
    const { release } = payload;
    await db
      .insert(releases)
      .values({
        tag: release.tag_name,
        name: release.name ?? release.tag_name,
        url: release.html_url,
        publishedAt: new Date(release.published_at),
      })
      .onConflictDoNothing();
    revalidateTag("changelog");
  }
  return new Response(null, { status: 204 });
}
