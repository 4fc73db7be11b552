import { Ratelimit } from "@upstash/ratelimit";
import redis from "../../utils/redis";
import { NextResponse } from "next/server";
import { headers } from "next/headers";

// 5 generations per IP per day
const ratelimit = redis
  ? new Ratelimit({
      redis: redis,
      limiter: Ratelimit.fixedWindow(5, "1440 m"),
      analytics: true,
    })
  : undefined;

export async function POST(request: Request) {
  if (ratelimit) {
    const headersList = await headers();
    const ipIdentifier = headersList.get("x-real-ip");

    const result = await ratelimit.limit(ipIdentifier ?? "");

    if (!result.success) {
      return new Response(
        "Too many uploads in 1 day. Please try again in a 24 hours.",
        {
          status: 429,
          headers: {
            "X-RateLimit-Limit": result.limit,
            "X-RateLimit-Remaining": result.remaining,
          } as any,
        }
      );
    }
  }

  const { imageUrl, theme, room } = await request.json();

  // start the prediction
  let startResponse = await fetch("https://api.replicate.com/v1/predictions", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Authorization: "Token " + process.env.REPLICATE_API_KEY,
    },
    body: JSON.stringify({
      version: "room-model-version",
      input: {
        image: imageUrl,
        prompt: `a ${theme.toLowerCase()} ${room.toLowerCase()}`,
      },
    }),
  });

  let jsonStartResponse = await startResponse.json();
  let endpointUrl = jsonStartResponse.urls.get;

  // poll until the prediction is done
  let generated: string | null = null;
  while (!generated) {
    let pollResponse = await fetch(endpointUrl, {
      headers: { Authorization: "Token " + process.env.REPLICATE_API_KEY },
    });
    let jsonPoll = await pollResponse.json();

    if (jsonPoll.status === "succeeded") {
      generated = jsonPoll.output;
    } else if (jsonPoll.status === "failed") {
      break;
    } else {
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  return NextResponse.json(generated ? generated : "Failed to restore image");
}
