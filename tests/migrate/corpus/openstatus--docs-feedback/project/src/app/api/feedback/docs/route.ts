import { redis } from "@openstatus/upstash";
import { z } from "zod";

import { getClientIP, ratelimit } from "../../../../lib/ratelimit";
import { hashIP } from "../../../../lib/utils";

export const runtime = "edge";

const path = z
  .string()
  .min(1)
  .max(512)
  .regex(/^\/[a-zA-Z0-9/_-]*$/);

const schema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("rating"), path, rating: z.enum(["up", "down"]) }),
  z.object({ kind: z.literal("message"), path, message: z.string().trim().min(1).max(2000) }),
]);

export async function POST(request: Request) {
  let data: z.infer<typeof schema>;
  try {
    data = schema.parse(await request.json());
  } catch {
    return Response.json({ error: "Invalid request" }, { status: 400 });
  }

  const clientIP = getClientIP(request.headers);
  if (!clientIP) {
    return Response.json({ error: "Unable to determine client IP" }, { status: 400 });
  }
  const voterId = await hashIP(clientIP);

  const limit = await ratelimit(`docs-feedback:${voterId}`, { window: 60, limit: 5 });
  if (!limit.success) {
    return Response.json(
      { error: "Too many requests" },
      {
        status: 429,
        headers: {
          "Retry-After": Math.ceil((limit.reset - Date.now()) / 1000).toString(),
        },
      },
    );
  }

  if (data.kind === "rating") {
    const previous = await redis.set(`docs-feedback:voter:${data.path}:${voterId}`, data.rating, {
      get: true,
    });
    if (previous !== data.rating) {
      await redis.hincrby(`docs-feedback:counts:${data.path}`, data.rating, 1);
    }
  }

  const webhook = process.env.SLACK_FEEDBACK_WEBHOOK_URL;
  if (webhook) {
    const text =
      data.kind === "rating" ? `Docs rating: ${data.rating} on ${data.path}` : `Docs comment on ${data.path}: ${data.message}`;
    await fetch(webhook, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text }),
    }).catch((err) => console.error("Docs feedback: Slack failed", err));
  }

  return Response.json({ success: true });
}
