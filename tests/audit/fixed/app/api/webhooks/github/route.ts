import { createHmac, timingSafeEqual } from "node:crypto";
import { revalidateTag } from "next/cache";
import { db } from "@/lib/db";
import { releases } from "@/lib/db/schema";

type ReleaseEvent = {
  action: string;
  release: { tag_name: string; name: string | null; html_url: string; published_at: string };
};

export async function POST(request: Request) {
  const body = await request.text();
  const received = Buffer.from(request.headers.get("x-hub-signature-256") ?? "");
  const expected = Buffer.from(
    `sha256=${createHmac("sha256", process.env.GITHUB_WEBHOOK_SECRET!).update(body).digest("hex")}`,
  );
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) {
    return new Response("Invalid signature", { status: 401 });
  }

  const event = request.headers.get("x-github-event");
  const payload = JSON.parse(body) as ReleaseEvent;
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
    revalidateTag("changelog", "max");
  }
  return new Response(null, { status: 204 });
}
