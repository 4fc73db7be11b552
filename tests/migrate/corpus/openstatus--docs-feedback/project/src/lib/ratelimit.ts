import { redis } from "@openstatus/upstash";

interface RateLimitConfig {
  window: number; // seconds
  limit: number;
}

export async function ratelimit(identifier: string, config: RateLimitConfig) {
  const bucket = Math.floor(Date.now() / (config.window * 1000));
  const count = await redis.incr(`ratelimit:${identifier}:${bucket}`);
  return {
    success: count <= config.limit,
    limit: config.limit,
    remaining: Math.max(0, config.limit - count),
    reset: (bucket + 1) * config.window * 1000,
  };
}

export function getClientIP(headers: Headers) {
  return (
    headers.get("x-forwarded-for")?.split(",")[0]?.trim() ??
    headers.get("x-real-ip") ??
    null
  );
}
